"""privacy_level: none / pii / sensitive, with reasons; decide: routing action.

sensitive = a health, finance or credentials topic (classifier + keywords),
            a secret (API key, private key, password: ...), an identity
            document number (CN_ID_CARD, US_SSN, passport), or text the user
            marked private ([private], #private, <private>, "private": true).
pii       = any recognizer span, nothing sensitive.
Decision on ID numbers: they are identity documents, so sensitive (local),
not merely redactable; card numbers stay pii (redaction removes them whole).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .deid import message_texts
from .recognizers import Span, code_regions, scan
from .topics import default_model

LEVELS = ("none", "pii", "sensitive")
ACTIONS = ("local", "redact", "as_routed")
DEFAULT_POLICY = {"sensitive": "local", "pii": "redact", "none": "as_routed"}
IDENTITY_TYPES = ("CN_ID_CARD", "US_SSN", "PASSPORT")

P_ALONE = 0.75     # classifier alone is enough (health, finance)
P_KEYWORD = 0.3    # classifier agreeing with a keyword
# Credentials are concrete strings the regexes see; talk *about* passwords is
# common in dev chat, so the classifier needs a keyword and high confidence.
P_CREDENTIALS = 0.9

SECRETS = (
    ("private key", re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----")),
    ("API key", re.compile(r"\bsk-(?:proj-|ant-|live-|test-)?[A-Za-z0-9_-]{16,}")),
    ("AWS access key", re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("GitHub token", re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})")),
    ("Slack token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}")),
    ("Google API key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}")),
    ("Stripe key", re.compile(r"\b(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,}")),
    ("JWT", re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")),
    ("credentials in URL", re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]+:[^\s:/@]{3,}@")),
    ("token", re.compile(r"(?i)\b(?:api[_-]?key|secret[_-]?key|access[_-]?token|auth[_-]?token"
                         r"|client[_-]?secret)\s*[:=]\s*[\"']?[A-Za-z0-9_\-./+]{16,}")),
)
_PASSWORD = re.compile(
    r"(?i)\b(?:password|passwd|pwd|passcode|pin(?:\s+code)?)\s*(?P<op>[:=：]|is:?)\s*[\"']?(?P<v>[^\s\"',;]{3,})")
_PASSWORD_ZH = re.compile(r"(?:密码|口令|支付密码|PIN码)\s*(?:是|为|[:=：])\s*(?P<v>[^\s，。,;；]{3,})")
_NOT_A_VALUE = re.compile(
    r"(?i)^(?:x+|\*+|\.+|<.*>|\$.*|\{.*|%.*|string|str|text|int|bool|boolean|null|none|true|false"
    r"|undefined|required|optional|varchar.*|hidden|redacted|your_?password|password|changeme"
    r"|[A-Za-z_][\w.]*[\[(].*)$")
_PASSPORT = re.compile(r"(?i)(?:passport|护照)(?:\s*(?:no\.?|number|#|号码|号))?\s*(?:is|:|：|是)?\s*"
                       r"(?P<v>[A-Z]{0,2}[0-9]{6,9})\b")
_PRIVATE = re.compile(r"(?i)\[private\]|#private\b|<private>|\[私密\]|【私密】|#私密")

KEYWORDS = {
    "health": ("诊断", "确诊", "症状", "病情", "病历", "处方", "住院", "手术", "化疗", "抑郁", "焦虑症",
               "糖尿病", "高血压", "癌", "肿瘤", "怀孕", "流产", "艾滋", "性病", "服药", "吃药", "药物",
               "过敏", "发烧", "失眠", "精神科", "心理医生", "医生说", "看病", "生病", "得了", "患有",
               "血糖", "血压", "胰岛素", "复查", "体检", "医院", "挂号", "疼", "痛", "病",
               "hiv", "diagnosed", "diagnosis", "symptom", "prescri", "medication", "therapy",
               "therapist", "depress", "anxiety", "diabetes", "cancer", "tumor", "chemo", "pregnan",
               "miscarriage", "std", "surgery", "hospital", "blood pressure", "mg", "dose", "fever",
               "migraine", "insomnia", "psychiatr", "disorder", "my doctor", "infection", "insulin",
               "blood sugar", "glucose", "pain", "clinic", "my gp", "pills", "antidepressant"),
    "finance": ("工资", "薪水", "月薪", "年薪", "收入", "贷款", "房贷", "车贷", "欠款", "负债", "债务", "存款",
                "余额", "还款", "逾期", "征信", "网贷", "花呗", "借呗", "欠了", "透支", "遗产", "年终奖",
                "借钱", "借了", "还不上", "催收", "外债", "利息", "裁员", "失业", "破产",
                "salary", "paycheck", "income", "loan", "mortgage", "debt", "owe", "balance", "savings",
                "credit score", "overdraft", "bankrupt", "tax return", "net worth", "401k", "wage",
                "alimony", "inherit", "laid off", "rent", "borrow", "lender", "interest", "bills"),
    "credentials": ("密码", "口令", "密钥", "私钥", "助记词", "验证码", "令牌", "password", "passcode",
                    "pin", "api key", "token", "secret", "private key", "seed phrase", "credentials",
                    "安全码", "备份码", "解锁", "cvv", "code", "key", "combination", "login"),
}


@dataclass
class PrivacyVerdict:
    level: str
    reasons: list[str] = field(default_factory=list)
    spans: list[tuple[int, Span]] = field(default_factory=list)  # (message index, span)
    topics: dict[str, float] = field(default_factory=dict)       # max p per topic


def _password_secret(text: str) -> bool:
    for m in _PASSWORD.finditer(text):
        v = m["v"].rstrip(".!?)")
        if _NOT_A_VALUE.match(v):
            continue
        # "the password is too short": after 'is', demand a password-looking value
        if m["op"].lower().startswith("is") and not re.search(r"[0-9\W_]|[a-z][A-Z]", v):
            continue
        return True
    return any(re.search(r"[A-Za-z0-9]", m["v"]) and not _NOT_A_VALUE.match(m["v"])
               for m in _PASSWORD_ZH.finditer(text))


def secrets_in(text: str) -> list[str]:
    found = [name for name, rx in SECRETS if rx.search(text)]
    if _password_secret(text):
        found.append("password")
    return found


def _prose(text: str) -> str:
    """Text with fenced/inline code removed: code talk is not a topic."""
    for s, e in reversed(code_regions(text)):
        text = text[:s] + " " + text[e:]
    return text


def _chunks(text: str, size: int = 400) -> list[str]:
    parts, cur = [], ""
    for piece in re.split(r"(?<=[。！？!?\n.])", text):
        if len(cur) + len(piece) > size and cur:
            parts.append(cur)
            cur = ""
        cur += piece
    return [p for p in parts + [cur] if p.strip()]


def topic_scores(text: str, code_removed: bool = False) -> dict[str, float]:
    """Max classifier probability per sensitive topic over ~400-char chunks."""
    model = default_model()
    best = {"health": 0.0, "finance": 0.0, "credentials": 0.0}
    for chunk in _chunks(text if code_removed else _prose(text)):
        p = model.proba(chunk)
        for k in best:
            best[k] = max(best[k], p[k])
    return best


def _has_word(low: str, k: str) -> bool:
    """k at a word start in low; keywords of <= 4 letters must also end a word
    ('std' must not hit 'stdout', 'depress' may hit 'depression')."""
    i = low.find(k)
    while i >= 0:
        end = i + len(k)
        if (i == 0 or not low[i - 1].isalpha()) and \
                (len(k) > 4 or end == len(low) or not low[end].isalpha()):
            return True
        i = low.find(k, i + 1)
    return False


def _keyword(topic: str, text: str) -> str | None:
    low = text.lower()
    for k in KEYWORDS[topic]:
        if (k in low) if not k.isascii() else _has_word(low, k):
            return k
    return None


def _texts(messages) -> list[tuple[int, str, bool]]:
    if isinstance(messages, str):
        return [(0, messages, False)]
    out = []
    for i, msg in enumerate(messages):
        marked = bool(msg.get("private")) if isinstance(msg, dict) else False
        for t in message_texts(msg) if isinstance(msg, dict) else []:
            out.append((i, t, marked))
        if marked and not any(j == i for j, _, _ in out):
            out.append((i, "", True))
    return out


def privacy_level(messages: list[dict] | str) -> PrivacyVerdict:
    """Level of a request (OpenAI-style messages, or one string).

    spans are (message index, Span); topics hold the max p per topic."""
    sensitive: list[str] = []
    pii: list[str] = []
    spans: list[tuple[int, Span]] = []
    topics = {"health": 0.0, "finance": 0.0, "credentials": 0.0}
    hits: dict[str, float] = {}
    for i, text, marked in _texts(messages):
        prose = _prose(text)
        if marked or _PRIVATE.search(text):
            sensitive.append("marked private")
        sensitive += [f"secret: {s}" for s in secrets_in(text)]
        if _PASSPORT.search(text):
            sensitive.append("identity document: passport")
        for sp in scan(text):
            spans.append((i, sp))
            (sensitive if sp.type in IDENTITY_TYPES else pii).append(sp.type)
        for topic, p in topic_scores(prose, code_removed=True).items():
            kw = _keyword(topic, prose)
            if topic == "credentials":
                hit = kw is not None and p >= P_CREDENTIALS
            else:
                hit = p >= P_ALONE or (kw is not None and p >= P_KEYWORD)
            if hit:
                hits[topic] = max(hits.get(topic, 0.0), p)
            topics[topic] = max(topics[topic], p)
    sensitive += [f"{t} topic (p={p:.2f})" for t, p in hits.items()]
    reasons = list(dict.fromkeys(sensitive + pii))
    level = "sensitive" if sensitive else "pii" if pii else "none"
    return PrivacyVerdict(level, reasons, spans, topics)


def decide(verdict: PrivacyVerdict | str, policy: dict | None = None) -> str:
    """Routing action for a verdict: 'local', 'redact' or 'as_routed'.

    `policy` maps level -> action (from config); missing levels use
    DEFAULT_POLICY = {sensitive: local, pii: redact, none: as_routed}.
    """
    level = verdict if isinstance(verdict, str) else verdict.level
    if level not in LEVELS:
        raise ValueError(f"unknown privacy level {level!r}")
    merged = {**DEFAULT_POLICY, **(policy or {})}
    action = merged[level]
    if action not in ACTIONS:
        raise ValueError(f"policy for {level!r} must be one of {ACTIONS}, got {action!r}")
    return action
