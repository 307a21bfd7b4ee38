"""What the server answers when it cannot do what was asked, each with its status:

    LagebildError
    ├── StoreError
    │   └── NotFoundError     404 the store holds nothing under that id (store/browse.py)
    └── RequestError          400 the request cannot be answered as asked (a bad query, bbox)
        ├── UnauthorizedError 401 uploads need the token and none or a wrong one was given
        └── ForbiddenError    403 uploads are disabled: the server was started without a token

Any other StoreError is 503 (the store failed); validation of parameters is 422.
"""

from __future__ import annotations

from lagebild.errors import LagebildError


class RequestError(LagebildError):
    """The request cannot be answered as asked."""

    status = 400


class UnauthorizedError(RequestError):
    """No token, or the wrong one."""

    status = 401


class ForbiddenError(RequestError):
    """Uploads are disabled on this server."""

    status = 403
