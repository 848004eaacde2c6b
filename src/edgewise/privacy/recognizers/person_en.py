"""PERSON in English script: capitalised First Last with first-name lists
(the curated names.py list, and the world-wide name_dict.py where more than
the first word points at a person), cue phrases, titles, sign-offs, surname-
first romanised names, and all-lowercase names after a cue.
"""
from __future__ import annotations

import re
import unicodedata

from .base import Recognizer
from .name_dict import ENGLISH_WORDS, WORD_NAMES, name_like, world_first_names
from .names import EN_SURNAMES, FIRST_NAMES, NON_NAME_WORDS, PINYIN_GIVEN, PINYIN_SURNAMES
from .public_figures import public_figure

# --- English ----------------------------------------------------------------
# Latin-1 and Latin Extended letters (Björn, Wiśniewska, Yıldız, Nguyễn); the extended
# blocks mix cases, so either may start a word there.
_UP, _LOW = "A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ", "a-zß-öø-ÿĀ-ſḀ-ỿı"
_CAP = rf"(?:[A-Z]'|Mc)?[{_UP}][{_LOW}]+(?:-[{_UP}{_LOW}][{_LOW}]+|'[{_UP}][{_LOW}]+)?"  # O'Neil, McDonald, Jin-woo
_FULL = rf"{_CAP}(?:[ \t]+[A-Z]\.)?(?:[ \t]+{_CAP}){{0,2}}"  # one line: a name never wraps
_TITLE = re.compile(rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Madam|Dame|Lady|Lord|Rev|Father|Sister|Pastor"
                    rf"|Rabbi|Imam|Herr|Frau|Monsieur|Madame|Mme|Mlle|Señor|Señora|Sr|Sra|Coach|Officer|Judge)"
                    rf"\.?\s+(?P<v>{_CAP}(?:\s+{_CAP})?)")
# Cues after which any capitalised words are a name.
_STRONG_CUE = re.compile(
    r"(?:(?i:\b(?:my\s+name\s+is|my\s+name's|i\s+am\s+called)\b)\s*"
    r"|(?i:\b(?:full\s+name|name|contact\s+person|patient|signed|attn)\s*[:：,])\s*"
    r"|(?i:\b(?:under\s+the\s+name(?:\s+of)?|(?:last|first|full|family|maiden|sur)"
    r"\s*name\s+(?:is|was)|reservation\s+for)\s+)"
    r"|姓名[:：]?\s*|我叫\s*|联系人[:：]?\s*)"
    rf"(?P<v>{_FULL})")
# Cues after which the first word must be a known first name.
_WEAK_CUE = re.compile(
    r"(?i:\b(?:i\s+am|i'm|this\s+is|call\s+me|named|called|with|and|by|thanks|hi|hello"
    r"|dear|sincerely|regards|cheers|best|contact|customer|client|employee|applicant"
    r"|cardholder|recipient|from|to|cc|ask|tell|met)\b\s*[:：,]?\s*)"
    rf"(?P<v>{_FULL})")
# Overlapping (lookahead): in "Call Sarah Johnson" the pair "Call Sarah" is
# rejected, and a consuming match would then skip "Sarah Johnson".
_NOT_BEFORE = r"(?<![A-Za-z0-9À-ÖØ-öø-ÿ'’-])"  # a letter of the same word; a Chinese one is fine
_BARE = re.compile(rf"{_NOT_BEFORE}(?=(?P<v>{_CAP}(?:[ \t]+[A-Z]\.)?[ \t]+{_CAP})\b)")
# More weak cues, checked on the words before each capitalised run (a longer
# regex alternation costs ~0.1 ms per request): verbs that take a person and
# relations ("my wife Anna", "it's Carlos", "loop in Priya").
_MORE_CUES = frozenset("""
it's it’s invite remind email text call ping meet told asked emailed called texted thank via
boss manager teacher student doctor nurse lawyer assistant owner holder guest visitor member driver
employee customer applicant recipient cardholder contact patient attendees attendee invitees user users candidate candidates lead leads staff intern
interviewee consignee sender shipper payee
accountant dentist therapist tutor intern supervisor director recruiter realtor contractor vendor
""".split())
# Relations: after "my wife" any capitalised word is a name, not only a listed one.
_RELATIONS = frozenset("""
wife husband son daughter mom mum dad mother father brother sister friend colleague coworker co-worker
neighbor neighbour boyfriend girlfriend partner fiance fiancee fiancé fiancée tenant landlord uncle aunt
cousin grandma grandpa grandmother grandfather granny nana gran nephew niece roommate classmate
stepmother stepfather stepson stepdaughter
""".split())
_MORE_CUES_2 = frozenset(("it is", "loop in", "reply to", "note to", "message to", "letter to", "email to",
                          "text to", "write to", "send to", "sent to", "bio for", "letter for", "reference for",
                          "card for", "gift for", "issued to", "belongs to", "is from"))
_CAP_RUN = re.compile(rf"{_NOT_BEFORE}(?=(?P<v>{_FULL}))")
_TITLE_WORDS = frozenset("mr mrs ms miss mx dr prof sir madam".split())
_LIST_NEXT = re.compile(rf"\s*(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)(?P<v>{_CAP}(?:\s+{_CAP})?)\b")
# A possessive before something only a person has: "Marcus's number", "Ethan's party".
_POSSESSIVE = re.compile(rf"{_NOT_BEFORE}(?P<v>{_CAP})['’]s[ \t]+(?:new[ \t]+)?(?:number|phone|cell|mobile|email|"
                         r"address|birthday|party|mom|mum|dad|wife|husband|kids?|son|daughter|car|house|flat|"
                         r"apartment|passport|account|details|contact)\b")
# A form's first person: "I, Chinedu Okafor, born ..." / "I, Ana Lima, hereby ...".
_LEGAL_I = re.compile(rf"\bI,[ \t]+(?P<v>{_FULL}),")
# A Latin-script given name after a Chinese relation or verb (表哥 Leo, 联系 Cathy, 英文名 Fiona).
_HAN = re.compile(r"[\u4e00-\u9fff]")
_ZH_CUE_EN = re.compile(r"(?:表哥|表姐|表弟|表妹|堂哥|堂姐|堂弟|堂妹|哥哥|姐姐|弟弟|妹妹|同事|同学|室友|朋友|老公|老婆|男朋友|女朋友|闺蜜|联系|找|给|通知|"
                        r"和|跟|叫|英文名|收件人|联系人|客户|老板|经理|宝宝|女儿|儿子)\s*"
                        rf"(?P<v>{_CAP}(?:\s{_CAP})?)(?![A-Za-z])")
# A Latin-script name before a Chinese title (Okafor教授, Smith先生).
_ZH_TITLE = re.compile(rf"{_NOT_BEFORE}(?P<v>{_CAP}(?:\s+{_CAP})?)(?=\s*(?:教授|老师|先生|女士|小姐|博士|医生|经理|总监|律师))")
# Surnames written first in romanised Vietnamese and Korean names (not Le, Park, Han:
# Le Monde, Park Hyatt).
SURNAME_FIRST = frozenset("""
nguyen tran pham hoang huynh phan vu vo dang bui duong ngo kim choi jang kang yoon lim seo shin kwon
hwang ahn yoo jeon
""".split())
# A signature: a name alone at the end of a line, maybe after a dash ("- Mike").
_SIGNOFF = re.compile(rf"(?m)(?:^|[-–—~]\s?)[ \t]*(?P<v>{_CAP}(?:\s{_CAP})?)[ \t]*[.!]?[ \t]*$")
# All-lowercase names: chat text often skips capitals ("talked to john smith").
_LOWER_WORD = re.compile(r"(?<![A-Za-z'’-])[a-z][a-z'’]+")
_LOWER_FIELD = re.compile(r"(?i:\bname\s*[:：]?[ \t]*)(?!(?:is|was|of)\b)(?P<v>[a-z][a-z'-]+(?:[ \t]+[a-z][a-z'-]+){0,2})(?=\s*(?:[,;\n]|$))")
_LOWER_TITLE = re.compile(r"\b(?:mr|mrs|ms|dr)\.?\s+(?P<v>[a-z][a-z'-]{2,})")
_LOWER_CUE = re.compile(r"(?i:\b(?:name\s*[:：]|name\s+is|i\s+am|i'm|it's|call\s+me|this\s+is)\s*)"
                        r"(?P<v>[a-z][a-z'-]+(?:[ \t]+[a-z][a-z'-]+)?)(?P<end>\s*(?:[,;.\n]|$))?")


def _trim(tokens: list[str]) -> list[str]:
    out = []
    for t in tokens:
        if t.lower().rstrip(".") in NON_NAME_WORDS:
            break
        out.append(t)
    return out


class EnglishPerson(Recognizer):
    entity = "PERSON"
    context = ("name", "contact", "patient", "customer", "client", "employee", "user",
               "author", "by", "from", "客户", "联系人", "姓名")
    context_boost = 0.3
    code_factor = 0.3

    def validate(self, text: str) -> bool:
        return not public_figure(text)  # Napoleon, 诸葛亮: a question about them names no one private

    def candidates(self, text):
        yield from _lowercase_names(text)
        if not any("A" <= c <= "Z" for c in text):
            return
        found = list(self._capitalised(text))
        yield from found
        yield from self._list_items(text, found)

    def _capitalised(self, text):
        for m in _SIGNOFF.finditer(text):  # after a dash, any given name of the world (- Meena)
            dash = m.group(0)[:1] in "-–—~"
            yield from self._emit(m, 0.75, need_first=True, text=text, loose=dash)
        for m in _TITLE.finditer(text):
            yield from self._emit(m, 0.85, need_first=False, text=text)
        if _HAN.search(text):
            for m in _ZH_CUE_EN.finditer(text):
                yield from self._emit(m, 0.75, need_first=True, text=text, loose=True)
        for m in _STRONG_CUE.finditer(text):
            yield from self._emit(m, 0.85, need_first=False, text=text)
        for m in _WEAK_CUE.finditer(text):  # "to Paris": one word after a weak cue needs the curated list
            yield from self._emit(m, 0.8, need_first=True, text=text, loose_if_two=True)
        for m in _CAP_RUN.finditer(text):
            cue = _more_cue(text, m.start("v"))
            tokens = _trim(m.group("v").split())
            if cue:  # after a relation any capitalised word; after a verb ("Call Back Later") a listed name
                yield from self._emit(m, 0.8, need_first=cue != "relation", text=text, loose=True, cued=True)
            elif len(tokens) >= 2 and _fold(tokens[0].lower()) in SURNAME_FIRST:  # Nguyen Van Minh
                yield from self._emit(m, 0.6, need_first=False, text=text)
        for m in _BARE.finditer(text):
            yield from self._emit(m, 0.6, need_first=True, text=text, two=True, loose=True)
        for m in _POSSESSIVE.finditer(text):
            yield from self._emit(m, 0.75, need_first=True, text=text, loose=True)
        for m in _LEGAL_I.finditer(text):
            yield from self._emit(m, 0.85, need_first=False, text=text)
        for m in _ZH_TITLE.finditer(text):  # Okafor教授
            yield from self._emit(m, 0.85, need_first=False, text=text)

    def _list_items(self, text, found):
        """The rest of a list that holds a name: "invite Alejandro, Wen, and Björn"."""
        ends, seen = sorted({e for _, e, _ in found}), {s for s, _, _ in found}
        while ends:
            m = _LIST_NEXT.match(text, ends.pop(0))
            if m and m.start("v") not in seen:
                two = len(_trim(m.group("v").split())) >= 2  # a full name in the list needs no name list
                got = list(self._emit(m, 0.7, need_first=not two, text=text, loose=True))
                for s, e, score in got:
                    seen.add(s)
                    ends.append(e)
                    yield s, e, score

    def _emit(self, m, base, need_first, text, two=False, loose=False, loose_if_two=False, cued=False):
        """``loose``: the first word may come from the world-wide dictionary (name_dict.py)."""
        tokens = _trim(m.group("v").split())
        if not tokens or (two and len(tokens) < 2):
            return
        first = tokens[0].lower()
        if first in NON_NAME_WORDS or first.rstrip(".") in _TITLE_WORDS:
            return
        loose = loose or (loose_if_two and len(tokens) >= 2)
        if need_first and not _known_first(first, loose) and not _pinyin_name(tokens) \
                and not (loose and _surname_pair(tokens)) and not (cued and len(tokens) >= 2 and first in WORD_NAMES):
            return  # a cue and a surname make "Customer Grace Okafor", "user Hope Delgado" people
        s = m.start("v")
        yield s, _end(text, s, tokens), base


def _end(text: str, s: int, tokens: list[str]) -> int:
    pos = s
    for t in tokens:
        pos = text.index(t, pos) + len(t)
    return pos


def _fold(word: str) -> str:
    """siobhán -> siobhan, nguyễn -> nguyen: the lists are mostly unaccented."""
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _known_first(word: str, loose: bool) -> bool:
    if word in FIRST_NAMES:
        return True
    first = word.split("-")[0]
    return loose and (first in world_first_names() or _fold(first) in world_first_names())


def _surname_pair(tokens: list[str]) -> bool:
    """Grace Liu, Will Smith (a listed surname last); Nguyen Van Minh, Kim Min-jun (surname first)."""
    if len(tokens) < 2:
        return False
    last, first = _fold(tokens[-1].lower()), _fold(tokens[0].lower())
    if first in SURNAME_FIRST:
        return True
    return (last in EN_SURNAMES or last in PINYIN_SURNAMES) and (first in FIRST_NAMES or name_like(first))


def _pinyin_name(tokens: list[str]) -> bool:
    return (len(tokens) >= 2 and tokens[0].lower() in PINYIN_SURNAMES
            and PINYIN_GIVEN.fullmatch(tokens[1].lower()) is not None)


def _more_cue(text: str, s: int) -> str | None:
    """"relation", "cue" or None: the words just before a capitalised run."""
    before = text[max(0, s - 24):s]
    if not before or before[-1] not in " \t\n:：,":
        return None
    words = before.rstrip(" \t\n:：,").lower().split()
    if not words:
        return None
    if words[-1] in _RELATIONS:
        return "relation"
    return "cue" if words[-1] in _MORE_CUES or " ".join(words[-2:]) in _MORE_CUES_2 else None


# lowercase chat: "tell jamal", "ask ravi to call", "my wife kelly's passport"
_LOWER_PERSON_CUE = re.compile(
    r"\b(?:tell|ask|text|call|email|ping|remind|thank|invite|message|hi|hey|hello|dear|thanks|reply to|write to|"
    r"my (?:wife|husband|son|daughter|mom|mum|dad|brother|sister|friend|boss|colleague|coworker|landlord|landlady|"
    r"neighbou?r|boyfriend|girlfriend|partner|cousin|uncle|aunt|roommate|grandpa|grandma|teacher|tutor|manager))"
    r",?[ \t]+(?P<v>[a-z][a-z-]{2,})(?:['’]s)?\b")


def _lowercase_after_person_cue(text: str):
    for m in _LOWER_PERSON_CUE.finditer(text):
        w = m.group("v")
        if w in NON_NAME_WORDS or w in WORD_NAMES or w in ENGLISH_WORDS:
            continue
        if w in FIRST_NAMES or w in world_first_names():
            nxt = re.match(r"[ \t]+([a-z][a-z'-]{3,})\b", text[m.end("v"):])  # my landlord mike hanson
            two = nxt and nxt.group(1) in EN_SURNAMES and not m.group(0).endswith("s")
            yield m.start("v"), m.end("v") + (nxt.end() if two else 0), 0.7


def _lowercase_names(text: str):
    """john smith (known first name + common surname), or after a cue
    ("name: ahmed hassan", "i'm priya") a known first name, plus the next
    word when the cue's clause ends right after it."""
    yield from _lowercase_after_person_cue(text)
    tokens = text.split()  # cheap filter first: most texts hold no lowercase first name
    if any(t in FIRST_NAMES for t in tokens):
        words = list(_LOWER_WORD.finditer(text))
        for a, b in zip(words, words[1:]):
            gap = text[a.end():b.start()]
            if a.group() in FIRST_NAMES and b.group() in EN_SURNAMES and gap.isspace() \
                    and "\n" not in gap:
                yield a.start(), b.end(), 0.7
    low = text.lower()
    for m in _LOWER_TITLE.finditer(text):  # "mr. thompson"
        if m.group("v") not in NON_NAME_WORDS:
            yield m.start("v"), m.end("v"), 0.75
    if not any(k in low for k in ("name", "i am", "i'm", "it's", "call me", "this is")):
        return
    for m in _LOWER_FIELD.finditer(text):  # a form field: "first name: callum, last name: fraser"
        if m.group("v") not in NON_NAME_WORDS:
            yield m.start("v"), m.end("v"), 0.75
    for m in _LOWER_CUE.finditer(text):
        tokens = m.group("v").split()
        if tokens[0] in NON_NAME_WORDS:
            continue
        named = m.group(0).lower().lstrip().startswith("name")  # "name is deep…" is rare; "it's deep" is not
        name_like = tokens[0] in FIRST_NAMES or _pinyin_name(tokens) or (
            named and tokens[0] not in ENGLISH_WORDS and tokens[0] in world_first_names())
        if not name_like and not (len(tokens) == 2 and tokens[1] in EN_SURNAMES):
            continue
        keep_two = len(tokens) == 2 and tokens[1] not in NON_NAME_WORDS and (
            m.group("end") is not None or tokens[1] in EN_SURNAMES)
        s = m.start("v")
        yield s, _end(text, s, tokens[:2] if keep_two else tokens[:1]), 0.75
