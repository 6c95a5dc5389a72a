"""Privacy and safety enforced on what is published (issue 16).

The content checks read what contributors write; this package reads what readers get and what
the build runs: the configuration is loaded so that it cannot run code (`safe_yaml`), settings
that would make the templates load other hosts are refused (`settings`), the built site is read
with real parsers and every reference that would fetch from another host or run code the build
did not ship fails the build (`output`), and every page gets a strict Content-Security-Policy
(`csp`).
"""
