"""Sync folders and network shares are recognised (fake paths, environments and mount tables)."""

from __future__ import annotations

from pathlib import Path

import pytest

from nagato_desk import storage_location as sl
from nagato_desk.storage_location import (
    LocationWarning,
    already_warned,
    check_location,
    network_share,
    parse_mounts,
    remember_warned,
    sync_service,
)


@pytest.mark.parametrize(
    ("path", "service"),
    [
        (r"C:\Users\taro\OneDrive\ドキュメント\nagato-desk.db", "OneDrive"),
        (r"C:\Users\taro\OneDrive - 宇津賀地区協議会\data.db", "OneDrive"),
        (r"D:\Dropbox\協議会\data.db", "Dropbox"),
        (r"C:\Users\taro\Dropbox (Personal)\data.db", "Dropbox"),
        (r"G:\My Drive\data.db", "Google Drive"),
        (r"C:\Users\taro\Google Drive\data.db", "Google Drive"),
        (r"C:\Users\taro\iCloudDrive\data.db", "iCloud Drive"),
        (r"C:\Users\taro\Box\data.db", "Box"),
    ],
)
def test_windows_sync_folders_by_name(path: str, service: str):
    assert sync_service(path, env={}, windows=True) == service


@pytest.mark.parametrize(
    ("path", "service"),
    [
        ("/Users/hanako/Library/CloudStorage/OneDrive-Personal/data.db", "OneDrive"),
        ("/Users/hanako/Library/CloudStorage/GoogleDrive-h@example.jp/マイドライブ/data.db", "Google Drive"),
        ("/Users/hanako/Library/Mobile Documents/com~apple~CloudDocs/data.db", "iCloud Drive"),
        ("/home/hanako/Dropbox/data.db", "Dropbox"),
    ],
)
def test_mac_and_linux_sync_folders(path: str, service: str):
    assert sync_service(path, env={}, windows=False) == service


@pytest.mark.parametrize(
    "path",
    [
        r"C:\Users\taro\Documents\nagato-desk.db",
        r"C:\Users\taro\AppData\Local\nagato-desk\OneDrive.db",  # only folders count, not the file name
        r"C:\Users\taro\Documents\Boxing club\data.db",  # "Box" must be the whole folder name
        r"C:\Users\taro\Dropboxes\data.db",
    ],
)
def test_ordinary_folders_are_not_sync_folders(path: str):
    assert sync_service(path, env={}, windows=True) is None


def test_the_onedrive_variables_name_a_renamed_folder():
    env = {"OneDriveCommercial": r"C:\Users\taro\会社のファイル"}
    assert sync_service(r"C:\Users\taro\会社のファイル\協議会\data.db", env=env, windows=True) == "OneDrive"
    assert sync_service(r"c:\users\TARO\会社のファイル\data.db", env=env, windows=True) == "OneDrive"
    assert sync_service(r"C:\Users\taro\Documents\data.db", env=env, windows=True) is None


@pytest.mark.parametrize(
    "path",
    [r"\\server\share\協議会\data.db", "//nas/kyogikai/data.db", r"\\?\UNC\server\share\data.db"],
)
def test_unc_paths_are_network_shares(path: str):
    assert network_share(path, windows=True, drive_type=lambda root: 3) == "UNC"


def test_mapped_network_drives_on_windows():
    types = {"Z:\\": 4, "C:\\": 3}  # DRIVE_REMOTE, DRIVE_FIXED
    assert network_share(r"Z:\協議会\data.db", windows=True, drive_type=types.__getitem__) is not None
    assert network_share(r"C:\data\data.db", windows=True, drive_type=types.__getitem__) is None
    # Without the probe (not on Windows), a drive letter says nothing.
    assert network_share(r"Z:\data.db", windows=True, drive_type=None) is None
    assert network_share(r"\\?\C:\long\data.db", windows=True, drive_type=types.__getitem__) is None


MOUNTS = r"""/dev/sda2 / ext4 rw,relatime 0 0
tmpfs /tmp tmpfs rw 0 0
//nas/kyogikai /mnt/nas cifs rw,vers=3.0 0 0
nas:/export/home /home/shared nfs4 rw 0 0
taro@host:/data /home/taro/remote fuse.sshfs rw 0 0
/dev/sdb1 /mnt/nas/local-inside ext4 rw 0 0
//nas/with\040space /mnt/with\040space smb3 rw 0 0
portal /run/user/1000/doc fuse.portal rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/mnt/nas/協議会/data.db", "cifs"),
        ("/home/shared/data.db", "nfs4"),
        ("/home/taro/remote/data.db", "fuse.sshfs"),
        ("/mnt/with space/data.db", "smb3"),  # \040 in the table is a space
        ("/mnt/nas/local-inside/data.db", None),  # the longest mount point wins: a local disk inside
        ("/home/taro/data.db", None),
        ("/tmp/data.db", None),
        ("/run/user/1000/doc/data.db", None),
        ("/mnt/nasty/data.db", None),  # /mnt/nas is not a prefix of the folder /mnt/nasty
    ],
)
def test_linux_network_mounts(path: str, expected: str | None):
    assert network_share(path, windows=False, mounts=MOUNTS) == expected


def test_parse_mounts_decodes_escapes():
    assert parse_mounts(MOUNTS)[6] == ("//nas/with space", "/mnt/with space", "smb3")


def test_warning_texts_name_the_file_and_what_to_do():
    w = LocationWarning("sync", "OneDrive", Path("/x/OneDrive/data.db"))
    assert "OneDrive の同期フォルダ" in w.ja and "/x/OneDrive/data.db" in w.ja and "引継ぎファイル" in w.ja
    assert "OneDrive sync folder" in w.message("en")
    n = LocationWarning("network", "cifs", Path("/mnt/nas/data.db"))
    assert "ネットワーク上の共有フォルダ（cifs）" in n.ja


def test_check_location_uses_the_real_mount_table(monkeypatch, tmp_path: Path):
    monkeypatch.setattr(sl, "_real_mounts", lambda: f"srv:/x {tmp_path} nfs rw 0 0\n")
    monkeypatch.setattr(sl.sys, "platform", "linux")
    warning = check_location(tmp_path / "data.db")
    assert warning is not None and (warning.kind, warning.service) == ("network", "nfs")
    monkeypatch.setattr(sl, "_real_mounts", lambda: "/dev/vda / ext4 rw 0 0\n")
    assert check_location(tmp_path / "data.db") is None
    assert check_location(tmp_path / "Dropbox" / "data.db").service == "Dropbox"


def test_warned_paths_are_remembered(tmp_path: Path):
    path = tmp_path / "OneDrive" / "data.db"
    assert not already_warned(path)
    remember_warned(path)
    remember_warned(path)
    assert already_warned(path)
    assert not already_warned(tmp_path / "other.db")


def test_the_cli_warns_on_stderr_and_still_works(cli, tmp_path: Path):
    path = tmp_path / "Dropbox" / "協議会" / "data.db"
    code, out, err = cli("init", "--council", "テスト協議会", "--db", path)
    assert code == 0 and path.exists()
    assert "Dropbox の同期フォルダ" in err
    code, _, err = cli("init", "--council", "テスト協議会", "--db", tmp_path / "local.db")
    assert code == 0 and err == ""
