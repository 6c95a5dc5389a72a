"""Build, check and print Back Massage Guide: one module per job (see scripts/build.py)."""
