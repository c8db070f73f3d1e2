"""Run the workbench with uvicorn: checks first, so a bad setup is one clear line, not a trace."""

from __future__ import annotations

from newsgraph.api.security import check_bind

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def serve(
    db: str | None = None,
    *,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    token: str | None = None,
    max_upload_mb: float = 5.0,
    log_level: str = "info",
) -> None:
    """Serve the store at ``db`` until interrupted (refuses a non-loopback host without a token)."""
    import uvicorn

    from newsgraph.api.app import create_app
    from newsgraph.errors import ConfigError

    check_bind(host, token)
    if not 0 < port < 65536:
        raise ConfigError(f"port {port} is out of range; give a port between 1 and 65535")
    if max_upload_mb <= 0:
        raise ConfigError(f"--max-upload-mb {max_upload_mb:g} must be positive; the default is 5")
    app = create_app(db, token=token, host=host, max_upload_mb=max_upload_mb)
    config = uvicorn.Config(app, host=host, port=port, log_level=log_level, proxy_headers=False,
                            server_header=False, forwarded_allow_ips="")
    server = uvicorn.Server(config)
    try:
        server.run()
    except OSError as exc:  # address in use, permission denied
        raise ConfigError(f"cannot listen on {host}:{port} ({exc.strerror}); choose another --port") from exc
