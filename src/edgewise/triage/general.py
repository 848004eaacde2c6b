"""A general question, not a case: "What are the signs of a stroke? Nothing is
happening, I just want to be prepared", "万一小孩吞了纽扣电池怎么办？先问问，没发生".

It names every red flag and none of them is happening, so red flags would
send it to emergency.  It is answered as information (self-care, with the
advice to call for help if it ever happens) only when the text says both that
it asks in general and, explicitly, that nothing is happening: "just asking"
alone is not enough ("just asking, my dad has chest pain" is a case).
"""
from __future__ import annotations

import re

_ASKS = re.compile(
    r"\b(?:if|what if|in case|how (?:can|do|would) (?:you|i|we) (?:tell|know|recogni[sz]e)|what are (?:the )?(?:signs|symptoms)|"
    r"signs of|symptoms of|what(?:'s| is) (?:a )?normal)\b|万一|如果|假如|有什么症状|有哪些症状|怎么判断|怎么分辨|怎么识别|早期症状|正常(?:值|范围)")
_NOTHING_HAPPENING = re.compile(
    r"nothing(?:'s| has| is)? (?:happened|happening|going on|wrong)|not happening (?:right )?now|"
    r"(?:to|so i can|so we can) be prepared|first aid (?:course|class|refresher|training)|doing a (?:first aid |cpr )?refresher|"
    r"i'?m not (?:diabetic|pregnant) myself|没发生|都好好的|现在都好|做个准备|提前了解|急救(?:培训|课)")


def general_question(text: str) -> bool:
    """``text`` (normalised, lower case) asks in general and says nothing is happening."""
    return bool(_ASKS.search(text)) and bool(_NOTHING_HAPPENING.search(text))
