"""Every stage of dvc.yaml depends on the code it runs, so DVC reruns it when that code changes."""

import ast
import re

import pytest
import yaml

from tests.conftest import ROOT

STAGES = yaml.safe_load((ROOT / "dvc.yaml").read_text(encoding="utf-8"))["stages"]


def imported_modules(module: str, seen: set[str] | None = None) -> set[str]:
    """`pipeline.*` modules that `module` imports, directly or through each other."""
    seen = set() if seen is None else seen
    if module in seen:
        return seen
    seen.add(module)
    path = ROOT / (module.replace(".", "/") + ".py")
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            if name.startswith("pipeline.") and (ROOT / (name.replace(".", "/") + ".py")).exists():
                imported_modules(name, seen)
    return seen


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_stage_depends_on_every_module_it_imports(stage):
    spec = STAGES[stage]
    entry = re.search(r"python -m (pipeline\.\w+)", spec["cmd"]).group(1)
    deps = set(spec["deps"])
    missing = sorted(
        m.replace(".", "/") + ".py" for m in imported_modules(entry) if m.replace(".", "/") + ".py" not in deps
    )
    assert missing == [], f"{stage}: add to deps in dvc.yaml"


@pytest.mark.parametrize("stage", sorted(STAGES))
def test_stage_reading_pipeline_data_depends_on_it(stage):
    spec = STAGES[stage]
    entry = re.search(r"python -m (pipeline\.\w+)", spec["cmd"]).group(1)
    reads_data = any(
        '"data"' in (ROOT / (m.replace(".", "/") + ".py")).read_text(encoding="utf-8") for m in imported_modules(entry)
    )
    if reads_data:
        assert "pipeline/data" in spec["deps"]
