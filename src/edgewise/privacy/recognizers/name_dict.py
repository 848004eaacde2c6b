"""A world-wide first-name dictionary for English-script names.

The curated FIRST_NAMES list (names.py, ~300 Anglo names) misses most of the
world: Arjun, Ngozi, Siobhan, Björn, Tomás.  Jörg Michael's nam_dict (~45,000
given names from 54 countries, shipped by the gender-guesser package) covers
them.  It is read lazily, once, and only where a name is written with
capitals and something else points at a person (a second capitalised word, or
a cue such as "invite" or "my wife"): a name like Will, May or Paris is also
a word or a place, and lowercase text keeps the curated list.
"""
from __future__ import annotations

import threading
from importlib import resources

_lock = threading.Lock()
_names: frozenset[str] | None = None

# Given names that are far more often a place ("fly to Paris") or a word when
# capitalised in a request ("due in May", "Will you"): never taken alone from the
# dictionary.  WORD_NAMES still count before a surname ("Grace Liu", "Will Smith").
PLACES = frozenset("""
ang mong kok kio tsim tsui causeway sham shui kwun tuen mun toa payoh jurong tampines bukit timah petaling
paris florence georgia victoria austin sydney chelsea madison charlotte savannah jordan israel lincoln
washington dallas phoenix orlando santiago sofia lima kingston eugene adelaide regina denver aurora
florida india china asia america africa europe virginia carolina dakota montana nevada arizona
alexandria augusta columbia helena marion salem troy vienna valencia milan venice geneva berlin
london brooklyn hudson houston cleveland memphis camden chester lyon york jersey boston orange
china japan korea kenya chad cuba peru iran iraq egypt libya mali niger sudan
apple google amazon tesla windows office excel word teams zoom slack
hong kong san jose los rio del la le de van von da di du el al bin ibn abu
""".split())
WORD_NAMES = frozenset("""
may june april august july january march summer autumn winter spring christmas easter sunday
will hope grace joy faith honor honour art bill mark rich guy frank jack page chase lane case
miles dean hunter sunny rose lily ivy amber ruby pearl crystal dawn sky river storm rain
star king prince princess baron duke earl major general bishop pope cardinal sergeant
""".split())
NOT_FROM_DICT = PLACES | WORD_NAMES
# Common English words that nam_dict also lists as a given name somewhere ("The",
# "Can", "Young", "Love"); a capitalised one is a heading or a sentence start.
ENGLISH_WORDS = frozenset("""
the be to of and in that have it for not on with he as you do at this but his by from they we say
her she or an will my one all would there their what so up out if about who get which go me when
make can like time no just him know take people into year your good some could them see other
than then now look only come its over think also back after use two how our work first well way
even new want because any these give day most us is are was were been has had did said please
help write send draft tell ask need thanks thank hi hello dear should may might must shall let
hey yes ok okay sure great best kind love sun moon sky star red gray grey silver gold long short
young old little lucky sunny windy stormy general royal river bay sea summer price
""".split())


def _load() -> frozenset[str]:
    text = (resources.files("gender_guesser") / "data" / "nam_dict.txt").read_text(encoding="utf-8")
    out = set()
    for line in text.splitlines():
        if not line or line[0] in "#=":  # comments; "=" lines are equivalences, not names
            continue
        name = line[3:29].strip()  # fixed columns: gender (3), name (26), frequencies
        if not name or not line[30:].strip(" $\r"):  # no frequency anywhere: a variant spelling
            continue
        for part in name.replace("+", " ").replace("-", " ").split():
            if len(part) >= 3:
                out.add(part.lower())
    return frozenset(out - NOT_FROM_DICT - ENGLISH_WORDS)


def name_like(word: str) -> bool:
    """A given name from the dictionary, or one that is also a word (Grace, Will)."""
    return word in WORD_NAMES or word in world_first_names()


def world_first_names() -> frozenset[str]:
    """Lowercased given names (and parts of compound ones) from nam_dict."""
    global _names
    if _names is None:
        with _lock:
            if _names is None:
                try:
                    _names = _load()
                except (ModuleNotFoundError, FileNotFoundError, OSError):
                    _names = frozenset()  # the curated list still works without it
    return _names
