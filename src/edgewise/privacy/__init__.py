"""Privacy: PII scan, reversible de-identification and privacy levels.

    from edgewise.privacy import scan, PrivacySession, redact, restore
    spans = scan("我叫张伟，手机13812345678")
    session = PrivacySession()
    safe, mapping = redact(text, session)
    restore(model_answer, session)
"""
from .deid import (PrivacySession, StreamRestorer, json_escape, redact, redact_messages,
                   restore, restore_report, restore_tool_calls)
from .level import DEFAULT_POLICY, PrivacyVerdict, decide, privacy_level
from .recognizers import Recognizer, Registry, Span, default_registry, scan

__all__ = [
    "scan", "redact", "restore", "restore_report", "redact_messages", "restore_tool_calls",
    "PrivacySession", "StreamRestorer", "json_escape", "privacy_level", "PrivacyVerdict",
    "decide", "DEFAULT_POLICY", "Registry", "Recognizer", "Span", "default_registry",
]
