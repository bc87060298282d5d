"""Operating-system users for JupyterLab mode: one per participant, and a workspace only the facilitator reads.

In JupyterLab mode participants can run code, so each participant's server runs as a Linux user named by their
participant code (``ikm serve --create-users`` creates them with ``useradd``: no password, no login shell; the hub
starts their servers with ``setuid``). The workspace's own folders become traversable but not listable by others
(0711), the gradebook and the config readable by the owner alone (0600), and each participant's release folder
belongs to that participant (0700): a participant's code can open their own folder and nothing else of the
workspace: not the gradebook (keys, cohort secret, PIN hashes), not another participant's answers.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
from pathlib import Path

from ikm_curriculum.errors import WorkspaceError

NO_LOGIN_SHELL = "/usr/sbin/nologin"


def os_user_exists(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def create_os_users(names: list[str], home_root: Path) -> list[str]:
    """Create the users in ``names`` that do not exist yet (homes under ``home_root``); returns those created.

    Needs root. An existing user of the same name is used as it is (so a second ``ikm serve`` changes nothing).
    """
    if os.geteuid() != 0:
        raise WorkspaceError("--create-users needs root (run `sudo ikm serve ... --create-users`)")
    useradd = shutil.which("useradd")
    if useradd is None:
        raise WorkspaceError("--create-users needs `useradd` (Debian/Ubuntu package passwd)")
    created = []
    for name in names:
        if os_user_exists(name):
            continue
        home = home_root / name
        result = subprocess.run(
            [useradd, "--home-dir", str(home), "--no-create-home", "--shell", NO_LOGIN_SHELL, "--user-group", name],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise WorkspaceError(f"useradd {name} failed: {result.stderr.strip() or result.returncode}")
        created.append(name)
    return created


def give_folder_to(name: str, folder: Path) -> None:
    """Make ``folder`` and everything in it belong to the user ``name`` (mode 0700 on the folder).

    Files a facilitator released later (as root) become the participant's, so their kernel can write the
    answer files and the locks beside them.
    """
    user = pwd.getpwnam(name)
    for path in [folder, *folder.rglob("*")]:
        if not path.is_symlink():
            os.chown(path, user.pw_uid, user.pw_gid)
    folder.chmod(0o700)


def private_workspace(
    root: Path, cohort_dir: Path, release_dir: Path, also_traversable: list[Path], readable: list[Path]
) -> list[str]:
    """Folders down to the release folder (and ``also_traversable``) 0711, the ``readable`` folders 0755, the rest
    of the workspace its owner's alone (0700 / 0600).

    Returns what was changed, for the message. A folder above ``root`` that others cannot enter is an error
    naming it (participants' servers could not reach their folders).
    """
    changed = []
    for parent in reversed(root.parents):
        if not os.stat(parent).st_mode & 0o001:
            raise WorkspaceError(
                f"{parent} cannot be entered by other users, so participants' servers cannot reach {release_dir}; "
                "put the workspace elsewhere (e.g. /srv/ikm) or allow entering it (chmod o+x)"
            )
    traversable = [root, root / "cohorts", cohort_dir, release_dir, *also_traversable]
    for folder in traversable:
        folder.chmod(0o711)
        changed.append(f"{folder} 0711")
    for folder in readable:
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
    for parent in {folder.parent for folder in traversable if folder != root}:
        for path in parent.iterdir():
            if path not in traversable and path not in readable and not path.is_symlink():
                path.chmod(0o700 if path.is_dir() else 0o600)
                changed.append(f"{path} {'0700' if path.is_dir() else '0600'}")
    return changed
