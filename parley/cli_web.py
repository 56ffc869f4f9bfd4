"""``parley serve``: the dashboard and HTTP API over a store (the ``web`` extra)."""

from __future__ import annotations

import sys

import click

from .cli import cli, db_option, handle_errors

__all__ = ["serve"]

INSTALL_HINT = "the dashboard needs the web extra: pip install 'parley[web]'"


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs --token.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port to listen on.")
@click.option("--token", envvar="PARLEY_TOKEN", default=None, metavar="TOKEN",
              help="Token that writes must carry as 'Authorization: Bearer TOKEN' (default $PARLEY_TOKEN).")
@click.option("--get", "get_path", default=None, metavar="PATH",
              help="Answer one GET request for PATH in-process, print the body and exit (no socket).")
@handle_errors
def serve(db: str | None, host: str, port: int, token: str | None, get_path: str | None) -> None:
    """Serve the dashboard and the HTTP API over the store.

    Every page has a JSON twin at the same path with .json appended (/negotiations/1.json);
    the API is described at /openapi.json. With --get PATH, answer that one request without
    opening a socket: `parley serve --get /.json` prints the negotiations as JSON; the exit
    status is 1 if the answer is an error.
    """
    try:
        from .web import Settings, create_app
        from .web.app import get_once
    except ImportError as exc:
        raise click.ClickException(f"{INSTALL_HINT} ({exc})") from None

    settings = Settings(host=host, port=port, token=token or None)
    app = create_app(db, settings)
    if get_path is not None:
        status, body = get_once(app, get_path if get_path.startswith("/") else "/" + get_path)
        app.state.parley.store.close()
        click.echo(body)
        if status >= 400:
            sys.exit(1)
        return
    import uvicorn

    click.echo(f"Parley dashboard: {settings.address}")
    sys.stdout.flush()
    uvicorn.run(app, host=host, port=port, log_level="info")
