"""Backends answer a chat request: local engine, OpenAI-compatible upstream, speculative, router."""
