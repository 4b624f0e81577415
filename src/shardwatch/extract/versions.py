"""The version every extractor records in its ``Evidence``: a short hash of its code and data.

A hand-kept ``VERSION = "1"`` never changed although the code did, so stored records could not
say which code made them. The version is computed instead, once per process, from:

1. the source of the extractor's module and of every ``shardwatch`` module it imports,
   directly or through others (``import`` and ``from ... import`` anywhere in the file,
   relative ones too), plus the annotation pipeline (``shardwatch.nlp.pipeline``) whose
   entities every extractor reads;
2. the data files those sources name: a string constant that is a path under ``data/``
   (``"triggers.jsonl"``, ``"geo/gazetteer.tsv.gz"``; a folder such as ``"models"`` stands for
   every file in it);
3. the versions of spaCy and of the English model package.

Change any of them and the version changes; ``shardwatch reextract`` then re-runs extraction on
the articles whose records carry an older one.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable
from functools import cache
from importlib import metadata
from pathlib import Path

PACKAGE = "shardwatch"
PACKAGE_DIR = Path(__file__).resolve().parents[1]
DATA_DIR = PACKAGE_DIR / "data"
ANNOTATION_MODULE = "shardwatch.nlp.pipeline"
# The module whose imports reach every extractor and the assembly of their records (events,
# merging within an article): its version says whether an article's extraction is current.
EXTRACTION_MODULE = "shardwatch.extract"
# 12 hex digits (48 bits): short enough to read in a listing, and a chance collision between
# two versions of one extractor is negligible.
DIGEST_CHARS = 12


def module_file(package_dir: Path, package: str, module: str) -> Path | None:
    """The source file of ``module`` (a dotted name inside ``package``), or None."""
    parts = module.split(".")
    if parts[0] != package:
        return None
    base = package_dir.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported(tree: ast.AST, module: str, is_package: bool) -> Iterable[tuple[str, tuple[str, ...]]]:
    """Each import statement of ``tree`` as (module, names taken from it): ``import a.b`` is
    ("a.b", ()), ``from a import b, c`` is ("a", ("b", "c")), relative ones made absolute."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((alias.name, ()) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                # "from . import x" in pkg/mod.py and in pkg/__init__.py both mean pkg.x
                anchor = module.split(".")
                anchor = anchor[: len(anchor) - node.level + (1 if is_package else 0)]
                base = ".".join(anchor + ([node.module] if node.module else []))
            yield base, tuple(alias.name for alias in node.names)


def _parse(path: Path) -> ast.Module:
    return _parse_source(path.read_bytes())


@cache
def _parse_source(source: bytes) -> ast.Module:
    # keyed by the content, so a file changed within the process is parsed again
    return ast.parse(source)


def module_closure(package_dir: Path, package: str, roots: Iterable[str]) -> dict[str, Path]:
    """The modules of ``package`` that ``roots`` import, directly or through others, by name
    (the roots included), with their source files. Outside modules (spaCy) are left out."""
    found: dict[str, Path] = {}
    todo = list(roots)
    while todo:
        name = todo.pop()
        if name in found:
            continue
        path = module_file(package_dir, package, name)
        if path is None:
            continue
        found[name] = path
        for base, names in _imported(_parse(path), name, path.name == "__init__.py"):
            # "from pkg import mod" reads the module pkg.mod; "from pkg import name" reads pkg
            submodules = [f"{base}.{n}" for n in names if module_file(package_dir, package, f"{base}.{n}")]
            todo.extend(submodules)
            if len(submodules) < len(names) or not names:
                todo.append(base)
    return found


def data_files_named(sources: Iterable[Path], data_dir: Path) -> set[Path]:
    """The files under ``data_dir`` that a string constant in ``sources`` names (a folder's
    name stands for every file in it)."""
    index = _data_index(data_dir.resolve())
    found: set[Path] = set()
    for source in sources:
        for text in _constants(source):
            found.update(index.get(text.rstrip("/"), ()))
    return found


def _data_index(root: Path) -> dict[str, tuple[Path, ...]]:
    """Every file and folder under ``root`` by its relative path, with the files it stands for."""
    index: dict[str, list[Path]] = {}
    for path in root.rglob("*"):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        parts = path.relative_to(root).parts
        for depth in range(1, len(parts) + 1):
            index.setdefault("/".join(parts[:depth]), []).append(path)
    return {name: tuple(paths) for name, paths in index.items()}


def _constants(path: Path) -> frozenset[str]:
    return _constants_of(path.read_bytes())


@cache
def _constants_of(source: bytes) -> frozenset[str]:
    return frozenset(node.value for node in ast.walk(_parse_source(source))
                     if isinstance(node, ast.Constant) and isinstance(node.value, str))


# Digests of files read by ``version_of``, so a data file that several extractors read (the
# 8 MB gazetteer) is hashed once per process.
_DIGESTS: dict[Path, str] = {}


def source_digest(package_dir: Path, package: str, roots: Iterable[str], data_dir: Path,
                  *, extra: Iterable[str] = (), digests: dict[Path, str] | None = None) -> str:
    """A short hash of the sources of ``roots`` and the modules they import within
    ``package``, of the data files those sources name, and of the ``extra`` strings. Files are
    read afresh unless ``digests`` keeps their hashes from an earlier call."""
    digests = {} if digests is None else digests
    modules = module_closure(package_dir, package, roots)
    files = set(modules.values()) | data_files_named(modules.values(), data_dir)
    digest = hashlib.sha256()
    anchor = package_dir.resolve()
    for path in sorted(files, key=lambda p: p.resolve().as_posix()):
        resolved = path.resolve()
        name = resolved.relative_to(anchor).as_posix() if resolved.is_relative_to(anchor) else resolved.as_posix()
        if resolved not in digests:
            digests[resolved] = hashlib.sha256(resolved.read_bytes()).hexdigest()
        digest.update(f"{name}\0{digests[resolved]}\0".encode())
    for item in extra:
        digest.update(f"extra\0{item}\0".encode())
    return digest.hexdigest()[:DIGEST_CHARS]


@cache
def _library_versions() -> tuple[str, ...]:
    from shardwatch.nlp.pipeline import MODEL_PACKAGE

    out = []
    for name in ("spacy", MODEL_PACKAGE):
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=absent")
    return tuple(out)


@cache
def version_of(module: str) -> str:
    """The version of the extractor in ``module`` (its ``__name__``), computed once per process."""
    return source_digest(PACKAGE_DIR, PACKAGE, (module, ANNOTATION_MODULE), DATA_DIR, extra=_library_versions(),
                         digests=_DIGESTS)


def extraction_version() -> str:
    """The version of extraction as a whole: every extractor, and how their records are put
    together. An article extracted under another one is out of date."""
    return version_of(EXTRACTION_MODULE)
