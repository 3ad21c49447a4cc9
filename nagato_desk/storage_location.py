"""Is the data file in a cloud sync folder or on a network share? Then SQLite's locking cannot be trusted.

A sync client (OneDrive, Dropbox, Google Drive, iCloud, Box) copies the file — and its lock file —
between PCs without SQLite's locks, and may upload a half-written database or restore an old copy over
a new one. Network file systems (SMB/CIFS, NFS, sshfs) often implement locks poorly. The program still
opens such a file, but says so plainly.

Everything here is a pure function of the path and what it is given (environment, mount table, a
drive-type probe), so it is tested with fake paths; :func:`check_location` gathers the real ones.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePath, PurePosixPath, PureWindowsPath

log = logging.getLogger(__name__)

#: Services, by a folder name in the path (compared case-insensitively; "prefix*" matches a prefix).
SYNC_FOLDERS: dict[str, tuple[str, ...]] = {
    "OneDrive": ("onedrive", "onedrive -*", "onedrive-*"),
    "Dropbox": ("dropbox", "dropbox (*", "dropbox-*"),
    "Google Drive": ("google drive", "googledrive", "googledrive-*", "my drive", "マイドライブ"),
    "iCloud Drive": ("icloud drive", "iclouddrive", "com~apple~clouddocs", "mobile documents"),
    "Box": ("box", "box sync", "box-box", "box drive"),
}
#: Windows sets these to the OneDrive folders (personal and work or school).
ONEDRIVE_ENV = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
#: Network file systems in /proc/mounts.
NETWORK_FS = {"nfs", "nfs4", "cifs", "smb", "smb3", "smbfs", "sshfs", "9p", "afs", "ncpfs", "davfs", "ceph"}
#: FUSE file systems that are local (everything else under "fuse." is taken as remote: sshfs, rclone…).
LOCAL_FUSE = {"fuse.portal", "fuse.lxcfs", "fuse.gvfsd-fuse", "fuse.appimagelauncherfs", "fuse.snapfuse"}
DRIVE_REMOTE = 4  # GetDriveTypeW


@dataclass(frozen=True)
class LocationWarning:
    kind: str  # "sync" or "network"
    service: str  # "OneDrive", "ネットワーク共有 (cifs)", …
    path: Path

    @property
    def ja(self) -> str:
        where = (
            f"{self.service} の同期フォルダの中"
            if self.kind == "sync"
            else f"ネットワーク上の共有フォルダ（{self.service}）"
        )
        return (
            f"データファイル「{self.path}」は{where}にあります。\n"
            "このような場所ではファイルのロックが確実に働かないため、二台のパソコンで同時に開いたときや"
            "同期の途中にデータが壊れたり、古い内容に戻ったりすることがあります。\n"
            "データはこのパソコンのフォルダ（同期されない場所）に置き、ほかのパソコンへ渡すときは"
            "バックアップか引継ぎファイルを使ってください。"
        )

    @property
    def en(self) -> str:
        where = (
            f"inside a {self.service} sync folder"
            if self.kind == "sync"
            else f"on a network share ({self.service})"
        )
        return (
            f"The data file '{self.path}' is {where}.\n"
            "File locking is not reliable there: opening it on two PCs at once, or a sync at the wrong "
            "moment, can damage the data or bring back an old copy.\n"
            "Keep the data in a folder of this PC that is not synced, and use a backup or a hand-over "
            "file to pass it to another PC."
        )

    def message(self, lang: str = "ja") -> str:
        return self.en if lang == "en" else self.ja


def _pure(path: str | PurePath, windows: bool) -> PurePath:
    return PureWindowsPath(str(path)) if windows else PurePosixPath(str(path))


def _matches(part: str, pattern: str) -> bool:
    part = part.casefold()
    if pattern.endswith("*"):
        return part.startswith(pattern[:-1])
    return part == pattern


def sync_service(
    path: str | PurePath, env: Mapping[str, str] | None = None, *, windows: bool | None = None
) -> str | None:
    """The sync service whose folder holds ``path`` (by folder names and the OneDrive variables)."""
    windows = sys.platform == "win32" if windows is None else windows
    env = os.environ if env is None else env
    pure = _pure(path, windows)
    for var in ONEDRIVE_ENV:
        root = env.get(var)
        if root:
            try:
                pure.relative_to(_pure(root, windows))
                return "OneDrive"
            except ValueError:
                pass
            if windows and str(pure).casefold().startswith(str(_pure(root, windows)).casefold() + "\\"):
                return "OneDrive"
    for part in pure.parts[:-1]:  # the folders, not the file's own name
        for service, patterns in SYNC_FOLDERS.items():
            if any(_matches(part, p) for p in patterns):
                return service
    return None


def parse_mounts(text: str) -> list[tuple[str, str, str]]:
    """(device, mount point, file system) of each line of /proc/mounts (octal escapes such as \\040 decoded)."""

    def unescape(s: str) -> str:
        return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), s)

    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((unescape(fields[0]), unescape(fields[1]), fields[2]))
    return mounts


def _is_network_fs(fstype: str) -> bool:
    fstype = fstype.lower()
    if fstype in NETWORK_FS or fstype.startswith(("nfs", "fuse.sshfs", "fuse.rclone", "cifs", "smb")):
        return True
    return fstype.startswith("fuse.") and fstype not in LOCAL_FUSE or fstype == "fuse"


def network_share(
    path: str | PurePath,
    *,
    windows: bool | None = None,
    mounts: str | None = None,
    drive_type: Callable[[str], int] | None = None,
) -> str | None:
    """A description of the network share that holds ``path``, or None when it is local.

    ``mounts`` is the text of /proc/mounts (Linux); ``drive_type`` maps "X:\\\\" to GetDriveTypeW's value.
    """
    windows = sys.platform == "win32" if windows is None else windows
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\", "//?/", "//./")):
        return "UNC"
    if text.upper().startswith("\\\\?\\UNC\\"):
        return "UNC"
    if windows:
        drive = PureWindowsPath(text).drive
        if drive and len(drive) == 2 and drive[1] == ":" and drive_type is not None:
            try:
                if drive_type(drive + "\\") == DRIVE_REMOTE:
                    return f"{drive.upper()} ネットワークドライブ"
            except OSError:
                return None
        return None
    if mounts is None:
        return None
    best: tuple[int, str] | None = None
    pure = PurePosixPath(text)
    for _device, point, fstype in parse_mounts(mounts):
        try:
            pure.relative_to(point)
        except ValueError:
            continue
        if best is None or len(point) > best[0]:
            best = (len(point), fstype)
    if best is not None and _is_network_fs(best[1]):
        return best[1]
    return None


def _real_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)))  # type: ignore[attr-defined]


def _real_mounts() -> str | None:
    try:
        return Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None


def check_location(path: Path) -> LocationWarning | None:
    """The warning for the data file at ``path`` on this PC, or None when it is in an ordinary place."""
    path = Path(path).expanduser().absolute()
    try:
        resolved = path.resolve()
    except OSError:
        resolved = path
    service = sync_service(resolved) or sync_service(path)
    if service:
        return LocationWarning("sync", service, path)
    windows = sys.platform == "win32"
    share = network_share(
        resolved,
        windows=windows,
        mounts=None if windows else _real_mounts(),
        drive_type=_real_drive_type if windows else None,
    )
    if share:
        label = "UNC" if share == "UNC" else share
        return LocationWarning("network", label, path)
    return None


# --- "Warned once per path", for the window ----------------------------------------------------------


def _warned_file() -> Path:
    from nagato_desk.paths import user_config_dir

    return user_config_dir() / "location-warnings.json"


def already_warned(path: Path) -> bool:
    try:
        paths = json.loads(_warned_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(paths, list) and str(Path(path).absolute()) in paths


def remember_warned(path: Path) -> None:
    from nagato_desk.atomic import atomic_path

    file = _warned_file()
    try:
        paths = json.loads(file.read_text(encoding="utf-8"))
        if not isinstance(paths, list):
            paths = []
    except (OSError, ValueError):
        paths = []
    key = str(Path(path).absolute())
    if key in paths:
        return
    paths.append(key)
    try:
        with atomic_path(file) as tmp:
            tmp.write_text(json.dumps(paths, ensure_ascii=False, indent=1), encoding="utf-8")
    except Exception:  # remembering is a courtesy: the warning shows again next time
        log.warning("could not remember the location warning for %s", key, exc_info=True)
