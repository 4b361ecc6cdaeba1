"""The release workflow and the Windows installer script, checked here since they only run on a build service:
actionlint reads the workflow as GitHub would, and these tests hold what a release must do on each platform."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.packaging_modules import load_packaging_module

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
INSTALLER = ROOT / "packaging" / "windows" / "ajexplorer.iss"
# Well-known actions only, each pinned to a major version.
ALLOWED_ACTIONS = {
    "actions/checkout",
    "actions/setup-python",
    "actions/upload-artifact",
    "actions/download-artifact",
    "softprops/action-gh-release",
}


def workflow() -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return loaded


def job(name: str) -> dict[str, Any]:
    found: dict[str, Any] = workflow()["jobs"][name]
    return found


def commands(name: str) -> str:
    return "\n".join(step.get("run", "") for step in job(name)["steps"])


def test_actionlint_finds_nothing_wrong_in_the_release_workflow() -> None:
    actionlint = Path(sys.executable).parent / "actionlint"
    # shellcheck and pyflakes are left out so the result does not depend on what else is installed.
    result = subprocess.run(
        [str(actionlint), "-no-color", "-shellcheck=", "-pyflakes=", str(WORKFLOW)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_action_is_a_well_known_one_pinned_to_a_version() -> None:
    used = [step["uses"] for job in workflow()["jobs"].values() for step in job["steps"] if "uses" in step]
    assert used
    for action in used:
        name, _, version = action.partition("@")
        assert name in ALLOWED_ACTIONS, action
        assert re.fullmatch(r"v\d+(\.\d+)*|[0-9a-f]{40}", version), action


@pytest.mark.parametrize(
    ("name", "runner"), [("linux", "ubuntu"), ("windows", "windows"), ("macos", "macos")]
)
def test_each_platform_builds_and_smoke_tests_both_bundles_offscreen(name: str, runner: str) -> None:
    assert job(name)["runs-on"].startswith(runner)
    assert workflow()["env"]["QT_QPA_PLATFORM"] == "offscreen"
    if name == "linux":  # .ci/run: the same build and smoke tests CI runs on every change
        assert "bash .ci/run" in commands(name)
        run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
        assert "export QT_QPA_PLATFORM=offscreen" in run
        steps = run
    else:
        steps = commands(name)
    builds = [
        line for line in steps.splitlines() if "pyinstaller" in line and "packaging/ajexplorer.spec" in line
    ]
    assert len(builds) == 2, builds  # onedir, then onefile
    onefile = [step for step in job(name)["steps"] if step.get("env", {}).get("AJ_ONEFILE") == "1"]
    assert onefile or "AJ_ONEFILE=1 .venv/bin/pyinstaller" in steps
    smoke = [line.strip() for line in steps.splitlines() if "--smoke-test" in line]
    assert any("dist/ajexplorer/ajexplorer" in line for line in smoke), smoke
    assert any("dist/onefile/ajexplorer" in line for line in smoke), smoke


def test_the_windows_job_builds_installs_and_uninstalls_the_installer() -> None:
    steps = commands("windows")
    assert "packaging\\windows\\ajexplorer.iss" in steps
    assert "/VERYSILENT" in steps and "unins000.exe" in steps
    assert "Start Menu\\Programs\\AJ Explorer.lnk" in steps


def test_the_macos_job_puts_the_app_in_a_disk_image_and_runs_it_from_there() -> None:
    steps = commands("macos")
    assert 'hdiutil create -volname "AJ Explorer"' in steps
    assert '"$mount/AJ Explorer.app/Contents/MacOS/ajexplorer" --smoke-test' in steps
    assert "ln -s /Applications" in steps


def test_a_release_is_published_only_from_a_version_tag_after_every_platform_passed() -> None:
    release = job("release")
    assert workflow()[True]["push"]["tags"] == ["v*"]  # YAML reads the key "on" as true
    assert release["if"] == "startsWith(github.ref, 'refs/tags/v')"
    assert set(release["needs"]) == {"linux", "windows", "macos"}
    assert release["permissions"] == {"contents": "write"}
    assert workflow()["permissions"] == {"contents": "read"}
    assert '"$GITHUB_REF_NAME" != "v$version"' in commands("release")
    uploaded = {
        name
        for name in workflow()["jobs"]
        if any("upload-artifact" in s.get("uses", "") for s in job(name)["steps"])
    }
    assert uploaded == {"linux", "windows", "macos"}


def installer_sections() -> dict[str, list[str]]:
    """The Inno Setup script's sections and their lines, comments and preprocessor lines left out."""
    sections: dict[str, list[str]] = {}
    current = ""
    for raw in INSTALLER.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections[current] = []
        else:
            sections.setdefault(current, []).append(line)
    return sections


def setup_directives() -> dict[str, str]:
    return dict(line.split("=", 1) for line in installer_sections()["Setup"])


def test_the_installer_takes_the_onedir_build_the_workflow_makes() -> None:
    setup = setup_directives()
    source = (INSTALLER.parent / setup["SourceDir"].replace("\\", "/")).resolve()
    assert source == ROOT
    (files,) = installer_sections()["Files"]
    assert 'Source: "dist\\ajexplorer\\*"' in files and "recursesubdirs" in files
    assert (source / setup["SetupIconFile"].replace("\\", "/")).is_file()
    assert setup["OutputBaseFilename"] == "ajexplorer-{#AppVersion}-windows-x64-setup"
    assert "ajexplorer-$env:VERSION-windows-x64-setup.exe" in commands("windows")


def test_the_installer_adds_a_start_menu_entry_and_an_uninstaller_and_no_file_association() -> None:
    sections = installer_sections()
    text = INSTALLER.read_text(encoding="utf-8")
    windows = load_packaging_module("platform_settings").for_platform("win32", ROOT, "ajexplorer", "0")
    assert f'#define AppExe "{windows.executable}"' in text  # the name the spec gives the Windows program
    assert any(
        line.startswith('Name: "{autoprograms}\\{#AppName}"; Filename: "{app}\\{#AppExe}"')
        for line in sections["Icons"]
    )
    setup = setup_directives()
    assert setup.get("Uninstallable", "yes") == "yes"
    assert setup["UninstallDisplayIcon"] == "{app}\\{#AppExe}"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert "Registry" not in sections and "ChangesAssociations" not in setup


def test_ci_checks_the_release_archive_and_the_debian_package_after_building_the_bundle() -> None:
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    build = run.index("packaging/ajexplorer.spec")
    assert build < run.index("bash packaging/check_release.sh") < run.index("bash packaging/check_deb.sh")
    for tool in ("lintian", "patchelf", "xdotool", "xvfb"):
        assert f" {tool} " in run
