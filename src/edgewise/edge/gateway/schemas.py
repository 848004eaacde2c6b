"""Validation of /v1/chat/completions bodies into a ChatRequest."""
from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from edgewise.edge.gateway.errors import bad_request

ROLES = {"system", "developer", "user", "assistant", "tool"}


class Message(BaseModel):
    model_config = ConfigDict(extra="allow")  # name, tool_call_id, ... pass through
    role: str
    content: str | list[dict[str, Any]] | None = None
    tool_calls: list[dict[str, Any]] | None = None

    @field_validator("role")
    @classmethod
    def _role(cls, v: str) -> str:
        if v not in ROLES:
            raise ValueError(f"unknown role {v!r}; expected one of {sorted(ROLES)}")
        return v


class StreamOptions(BaseModel):
    include_usage: bool = False


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")  # tools, tool_choice, response_format pass through
    model: str
    messages: list[Message] = Field(min_length=1)
    max_tokens: int | None = None
    max_completion_tokens: int | None = None
    temperature: float = Field(default=1.0, ge=0.0, le=2.0)
    top_p: float = Field(default=1.0, gt=0.0, le=1.0)
    top_k: int = Field(default=0, ge=0)
    seed: int | None = None
    stop: str | list[str] | None = None
    stream: bool = False
    stream_options: StreamOptions | None = None
    n: int = 1
    tools: list[dict[str, Any]] | None = None

    @property
    def limit(self) -> int | None:
        return self.max_completion_tokens or self.max_tokens

    @property
    def stops(self) -> list[str]:
        if self.stop is None:
            return []
        return [self.stop] if isinstance(self.stop, str) else list(self.stop)

    def dict_messages(self) -> list[dict]:
        return [m.model_dump(exclude_none=True) for m in self.messages]


def parse_chat(body: Any) -> ChatRequest:
    if not isinstance(body, dict):
        raise bad_request("request body must be a JSON object")
    if "messages" in body and isinstance(body["messages"], list) and not body["messages"]:
        raise bad_request("'messages' must not be empty", param="messages")
    try:
        req = ChatRequest.model_validate(body)
    except ValidationError as e:
        err = e.errors()[0]
        param = ".".join(str(x) for x in err["loc"]) or None
        raise bad_request(f"{param}: {err['msg']}" if param else err["msg"], param=param) from None
    for name in ("max_tokens", "max_completion_tokens"):
        v = getattr(req, name)
        if v is not None and v <= 0:
            raise bad_request(f"'{name}' must be a positive integer, got {v}", param=name)
    if req.n != 1:
        raise bad_request("only n=1 is supported", param="n")
    if len(req.stops) > 4:
        raise bad_request("at most 4 stop sequences are allowed", param="stop")
    return req
