"""The HTTP side of newsgraph: a FastAPI app with the JSON API, the web pages and the docs.

``create_app(db)`` builds it over a store; ``serve(db, host=..., port=..., token=...)`` runs
it with uvicorn (``newsgraph serve``). Importing this package loads no spaCy model.
"""

from newsgraph.api.app import create_app
from newsgraph.api.server import serve

__all__ = ["create_app", "serve"]
