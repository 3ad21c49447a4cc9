"""Make the pictures of the user guide again from the real window on the demo council.

    python docs/guide/make_images.py            # from the top of the checkout

Writes the demo council to a temporary file, takes every screenshot (`nagato-desk screenshots`), and
keeps in ``docs/guide/images/`` those the chapters show (``![…](images/NAME.png)``), 900 pixels wide
at most, as 256-colour optimised PNG. Pictures no chapter shows any more are removed. Stops with an error when a
chapter names a picture the program does not make (tests/test_guide.py checks the same).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

GUIDE = Path(__file__).resolve().parent
IMAGES = GUIDE / "images"
WIDTH = 900
IMAGE_LINK = re.compile(r"!\[[^\]]*\]\(images/([^)\s]+)\.png\)")


def named_images(folder: Path = GUIDE) -> dict[str, list[str]]:
    """Picture name → the chapter files that show it."""
    names: dict[str, list[str]] = {}
    for chapter in sorted(folder.glob("*.md")):
        for name in IMAGE_LINK.findall(chapter.read_text(encoding="utf-8")):
            names.setdefault(name, []).append(chapter.name)
    return names


def _run(*args: str, env: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "nagato_desk", *args], capture_output=True, text=True, env=env, check=False
    )
    if done.returncode != 0:
        raise SystemExit(f"nagato-desk {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def take(work: Path) -> Path:
    """Screenshots of the demo council in ``work``/shots, with default settings (not the user's)."""
    env = dict(os.environ)
    for name in ("CONFIG", "DATA", "LOG"):
        env[f"NAGATO_DESK_{name}_DIR"] = str(work / name.lower())
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(GUIDE.parents[1]), env.get("PYTHONPATH")]))
    database = work / "demo.db"
    _run("demo", "--db", str(database), env=env)
    _run("screenshots", "--db", str(database), "--out", str(work / "shots"), env=env)
    return work / "shots"


def shrink(source: Path, target: Path) -> None:
    """``WIDTH`` pixels wide at most, 256 colours (screens have few; text stays sharp), optimised PNG."""
    from PIL import Image  # Pillow comes with reportlab

    with Image.open(source) as opened:
        image = opened.convert("RGB")
    if image.width > WIDTH:
        image = image.resize((WIDTH, round(image.height * WIDTH / image.width)), Image.Resampling.LANCZOS)
    image = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(target, "PNG", optimize=True)


def main() -> int:
    wanted = named_images()
    IMAGES.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        shots = take(Path(folder))
        made = {path.stem for path in shots.glob("*.png")}
        unknown = sorted(set(wanted) - made)
        if unknown:
            where = "; ".join(f"{name} ({', '.join(wanted[name])})" for name in unknown)
            raise SystemExit(f"the guide shows pictures the program does not make: {where}")
        for name in sorted(wanted):
            shrink(shots / f"{name}.png", IMAGES / f"{name}.png")
    for stale in IMAGES.glob("*.png"):
        if stale.stem not in wanted:
            stale.unlink()
    total = sum(path.stat().st_size for path in IMAGES.glob("*.png"))
    print(f"{len(wanted)} pictures, {total / 1_000_000:.1f} MB in {IMAGES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
