"""News-shaped pages for tests and benchmarks: headline, byline, dateline, body, page furniture.

Two builders share the same pieces: ``news_pages()``, a hypothesis strategy (failing examples
shrink to a short page), and ``random_page(rng)``, a seeded page for large generated folders
(``benchmarks/report_scale.py`` and the 300-page test). Pages mix quotations, reported speech,
numbers, hedges, scare quotes, embedded posts, related links and promos, in shuffled orders,
with odd line ends and text a spreadsheet or matplotlib would misread (``=``, ``$``, ``\\``).
"""

from __future__ import annotations

import random
from typing import Callable, Sequence

from hypothesis import strategies as st

FIRST = ["Anna", "Oleksandr", "Maria", "John", "Denis", "Ilya", "Sophie", "Tetiana", "Ahmed", "Li", "José",
         "Дмитрий"]
LAST = ["Smith", "Kovalenko", "Petrova", "O'Brien", "Kapustin", "Ponomarev", "Müller", "Nguyen", "García",
        "Шевченко"]
ROLES = ["a spokesman for the ministry", "the regional governor", "a military analyst", "the commander",
         "an official who asked not to be named", "a resident", "the group's leader", "a senior U.S. official"]
GROUPS = ["the Russian Defence Ministry", "Ukraine's military intelligence", "the Freedom of Russia Legion",
          "the Russian Volunteer Corps", "the Kremlin", "local authorities", "the Institute for the Study of War",
          "Reuters", "officials", "witnesses", "the ministry", "Kyiv", "Moscow"]
OUTLETS = ["Reuters", "AFP", "AP", "BBC News", "Kyiv Independent", "Meduza", "The Guardian", "Al Jazeera", "TASS"]
PLACES = ["KYIV", "BELGOROD, Russia", "MOSCOW", "LONDON", "KURSK", "Shebekino", "Grayvoron"]
MONTHS = ["March", "May", "June", "January"]
VERBS = ["said", "told reporters", "claimed", "insisted", "denied", "added", "wrote on Telegram", "warned",
         "stated", "acknowledged", "alleged", "confirmed"]
QUOTES = ["We will return", "The attack was repelled", "Nobody was hurt", "This is a provocation",
          "Our fighters are inside the town", "We do not comment on rumours", "It was chaos, total chaos",
          "They came at dawn", "Everything is under control", "We are Russians too",
          "=HYPERLINK(\"http://example.com\")", "It cost $5 and $10, not $\\x$", "-2+3 is what they said"]
CLAUSES = ["the raid had been repelled", "the fighters had crossed the border", "two villages were shelled",
           "the situation was under control", "the group had withdrawn", "drones hit an oil depot",
           "the evacuation would continue", "no civilians were harmed"]
COUNTED = ["people were killed", "soldiers were wounded", "fighters were captured", "residents were evacuated",
           "drones were shot down", "militants were destroyed", "civilians were injured"]
AMOUNTS = ["12", "more than 70", "at least 2", "about 1,200", "dozens of", "no one", "two", "a dozen", "1.5 million",
           "up to 100", "between 20 and 30", "-3"]
HEDGES = ["reportedly", "allegedly", "apparently", "It could not be independently verified that",
          "According to unconfirmed reports,", "Some experts say", "It appears that", "Clearly,"]
LABELS = ["saboteurs", "militants", "partisans", "volunteers", "terrorists", "fighters", "so-called “volunteers”",
          "the “liberators”", "anti-Kremlin fighters", "Ukrainian-backed militia"]
EMBEDS = ["— Ukrainian Front (@front_ukrainian) May 24, 2023", "pic.twitter.com/AbC123xyz",
          "A post shared by Meduza (@meduzaproject)", "Embedded video", "[Video] Footage shows smoke over the town",
          "🇺🇦 Слава Україні! https://t.me/channel/123"]
FURNITURE = ["Read more: Drone strikes hit Moscow", "RELATED: What we know about the raid", "Advertisement",
             "Sign up for our newsletter", "Share this article", "Leave a comment", "Photo: AFP/Getty Images",
             "Home > World > Europe", "Most read", "Subscribe to continue reading", "See more", "Related Articles",
             "Copyright 2024 Reuters. All rights reserved.", "https://example.com/news/2024/03/12/raid"]
ODD = ["\u00a0", "\t", "…", "—", "(", ")", "\"", "'", "‘", "’", "«", "»", "@", "=", "$", "\\", "_", "^", "%", "#"]


def _name(pick: Callable[[Sequence[str]], str]) -> str:
    return f"{pick(FIRST)} {pick(LAST)}"


def _speaker(pick: Callable[[Sequence[str]], str]) -> str:
    return pick([_name(pick), f"{_name(pick)}, {pick(ROLES)},", pick(GROUPS), pick(ROLES).capitalize(),
                 "He", "She", "They", "The spokesman"])


def _sentence(kind: str, pick: Callable[[Sequence[str]], str]) -> str:
    """Return one body sentence of ``kind`` with its words chosen by ``pick``."""
    speaker, verb, quote = _speaker(pick), pick(VERBS), pick(QUOTES)
    number, counted, clause = pick(AMOUNTS), pick(COUNTED), pick(CLAUSES)
    return {
        "quote_after": f"“{quote},” {speaker} {verb}.",
        "quote_before": f"{speaker} {verb}: “{quote}.”",
        "quote_inverted": f"“{quote},” {verb} {_name(pick)}.",
        "open_quote": f"“{quote}. {pick(QUOTES)}.",  # a quotation running on into the next paragraph
        "indirect": f"{speaker} {verb} that {clause}.",
        "according": f"According to {pick(GROUPS)}, {clause}.",
        "number": f"{number.capitalize()} {counted}, {speaker} {verb}.",
        "number_plain": f"In {pick(PLACES).title()}, {number} {counted} on {pick(MONTHS)} {pick(['3', '12', '24'])}.",
        "hedge": f"{pick(HEDGES)} {clause}, {pick(GROUPS)} {verb}.",
        "label": f"The {pick(LABELS)} {pick(['crossed the border', 'were pushed back', 'said they would return'])}.",
        "scare": f"Moscow called them “{pick(LABELS)}” and {clause}.",
        "odd": f"{pick(ODD)}{pick(QUOTES)}{pick(ODD)} {pick(ODD)}{verb}{pick(ODD)}",
    }[kind]


SENTENCE_KINDS = ["quote_after", "quote_before", "quote_inverted", "open_quote", "indirect", "according", "number",
                  "number_plain", "hedge", "label", "scare", "odd"]


def _page(parts: list[str], line_end: str) -> str:
    return (line_end * 2).join(part for part in parts if part).replace("\n", line_end) + line_end


def _headline(pick: Callable[[Sequence[str]], str]) -> str:
    """Return a headline; some carry a hedge or weasel word ("reportedly", "so-called")."""
    group = pick(GROUPS)
    group = group[0].upper() + group[1:]
    plain = [f"{group} {pick(['says', 'denies', 'claims'])} {pick(CLAUSES)}",
             f"{pick(AMOUNTS).capitalize()} {pick(COUNTED)} in {pick(PLACES).title()} raid, {pick(GROUPS)} says",
             f"“{pick(QUOTES)}”: {group} {pick(VERBS)}",
             f"{pick(['Saboteurs', 'Partisans', 'Fighters'])} cross the border"]
    hedged = [f"Raid {pick(['reportedly', 'allegedly', 'apparently'])} repelled",
              f"{group} {pick(['reportedly', 'allegedly'])} {pick(['shelled', 'captured'])} {pick(PLACES).title()}",
              f"So-called “{pick(['volunteers', 'liberators'])}” cross the border"]
    return pick(plain + hedged)


def _parts(pick: Callable[[Sequence[str]], str], paragraphs: list[list[str]], furniture: list[str],
           dateline: bool) -> tuple[str, list[str], list[str]]:
    """Return the head (headline, byline), the body paragraphs and the furniture of a page."""
    headline = _headline(pick)
    byline = pick([f"By {_name(pick)}", f"By {_name(pick)} and {_name(pick)}, {pick(OUTLETS)}",
                   f"{_name(pick)} | {pick(OUTLETS)}", f"{pick(OUTLETS)} staff", ""])
    body = [" ".join(sentences) for sentences in paragraphs]
    if dateline and body:
        body[0] = f"{pick(PLACES)}, {pick(MONTHS)} 12 ({pick(OUTLETS)}) - {body[0]}"
    return f"{headline}\n{byline}" if byline else headline, body, furniture


@st.composite
def news_pages(draw, max_paragraphs: int = 8) -> str:
    """Draw one news-shaped page (a hypothesis strategy)."""
    def pick(options: Sequence[str]) -> str:
        return draw(st.sampled_from(list(options)))

    kinds = st.lists(st.sampled_from(SENTENCE_KINDS), min_size=1, max_size=4)
    paragraphs = [[_sentence(kind, pick) for kind in draw(kinds)]
                  for _ in range(draw(st.integers(0, max_paragraphs)))]
    furniture = draw(st.lists(st.sampled_from(FURNITURE + EMBEDS), max_size=5))
    noise = draw(st.lists(st.text(max_size=20), max_size=2))
    head, body, furniture = _parts(pick, paragraphs, furniture, draw(st.booleans()))
    middle = draw(st.permutations(body + furniture + noise))
    return _page([head, *middle], draw(st.sampled_from(["\n", "\n", "\r\n", "\r"])))


def random_page(rng: random.Random, max_paragraphs: int = 8) -> str:
    """Return one news-shaped page chosen with ``rng`` (seeded: the same seed gives the same page)."""
    def pick(options: Sequence[str]) -> str:
        return rng.choice(list(options))

    paragraphs = [[_sentence(pick(SENTENCE_KINDS), pick) for _ in range(rng.randint(1, 4))]
                  for _ in range(rng.randint(1, max_paragraphs))]
    furniture = rng.sample(FURNITURE + EMBEDS, rng.randint(0, 5))
    head, body, furniture = _parts(pick, paragraphs, furniture, rng.random() < 0.5)
    middle = body + furniture
    rng.shuffle(middle)
    return _page([head, *middle], rng.choice(["\n", "\n", "\n", "\r\n"]))


def write_pages(folder, count: int, seed: int = 13, max_paragraphs: int = 8) -> None:
    """Write ``count`` seeded pages into ``folder`` as page0000.txt, page0001.txt ..."""
    from pathlib import Path

    rng = random.Random(seed)
    for number in range(count):
        text = random_page(rng, max_paragraphs) + f"Page {number}.\n"  # every file distinct
        (Path(folder) / f"page{number:04d}.txt").write_bytes(text.encode("utf-8"))
