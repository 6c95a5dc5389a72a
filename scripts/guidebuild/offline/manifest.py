"""Write the web app manifest, which lets a reader add the guide to a phone's home screen.

Every address in it is relative to the manifest, which sits at the site's root, so the same file
works under /back-massage-guide/ and at the root of a fork. Names and the description come from
mkdocs.yml; the colours are the light palette's (docs/stylesheets/extra.css).
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from guidebuild.offline.icons import ICON_FOLDER, ICONS

MANIFEST_NAME = "manifest.webmanifest"
#: The header's teal in the light palette (extra.css, `--md-primary-fg-color`): the phone's
#: status bar takes it. The splash screen's background is the light page's white.
THEME_COLOUR = "#00796b"
BACKGROUND_COLOUR = "#ffffff"
#: Launchers cut longer names under the icon; 12 characters fit everywhere.
SHORT_NAME_LENGTH = 12


def short_name(config: MkDocsConfig) -> str:
    """`extra.short_name` from mkdocs.yml, else the site's name."""
    return str((config.extra or {}).get("short_name") or config.site_name)


def manifest(config: MkDocsConfig, site_dir: Path) -> dict:
    """The manifest's fields. Icons are listed when they are in the built site: the guide's are
    (docs/assets/icons/, made by `make icons`); a small test site without them gets none."""
    language = config.theme.get("language") or "en"
    return {
        "id": "./",
        "name": config.site_name,
        "short_name": short_name(config),
        "description": " ".join((config.site_description or "").split()),
        "lang": language,
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [{"src": f"{ICON_FOLDER}/{icon.name}", "sizes": icon.sizes, "type": icon.mime_type,
                   "purpose": icon.purpose} for icon in ICONS
                  if (site_dir / ICON_FOLDER / icon.name).is_file()],
    }


def write_manifest(config: MkDocsConfig, site_dir: Path) -> Path:
    path = site_dir / MANIFEST_NAME
    path.write_text(json.dumps(manifest(config, site_dir), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path
