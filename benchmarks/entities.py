"""Cost of the entity layer (actors + people, amounts, dates) per 800-word article.

    .venv/bin/python benchmarks/entities.py            # 300 synthetic articles, median of 3 runs
    .venv/bin/python benchmarks/entities.py --articles 1000 --runs 5

The articles are assembled from sentences written for this benchmark (pledge-dense news:
titles, leaders, lists of states, amounts in many notations, dates), about 800 words
each, so the figure compares with PERFORMANCE.md. Prints milliseconds per article and
articles per second for each finder and for all of them together, from CPU time (process_time),
so that other work on a shared machine does not inflate the figure.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import time
from collections.abc import Callable

from pledgewatch.extract.components import DocumentActors, find_actors, find_amounts, find_dates

SENTENCES = [
    "ASTANA – Kazakhstan set out its contributions to the reconstruction fund on Thursday.",
    "Kazakh President Kassym-Jomart Tokayev said the country would allocate more than 400 university "
    "scholarships for students over the next four years.",
    "Foreign Ministry spokesperson Aida Bekova told reporters on Feb. 12 that no troops would be sent.",
    "Bekova added that the government was studying the request from Washington.",
    "The United Arab Emirates pledged $1.5 billion, while Qatar committed US$800 million and Kuwait "
    "about 300 million dinars.",
    "Saudi Minister of State for Foreign Affairs Adel Al-Jubeir announced a $1 billion package over the "
    "coming years.",
    "Egypt, Jordan, Morocco, Bahrain and Indonesia said they were ready to train police officers.",
    "The European Commission will provide 2 billion euros (USD 2.2 billion) in grants through 2028.",
    "Britain pledged 150 million pounds in humanitarian aid, the Foreign Office said in London.",
    "The UN Office for the Coordination of Humanitarian Affairs said 3,500 aid trucks entered the territory "
    "last week.",
    "Japan is committed to hosting a donor conference in Tokyo next March, officials said.",
    "Uzbek President Shavkat Mirziyoyev presented plans for a new residential quarter with schools and "
    "clinics.",
    "The World Bank and the Islamic Development Bank will co-finance the water network.",
    "South Korea will contribute around 500 billion won (US$370 million) this year, the finance ministry "
    "said on Tuesday (Nov 19).",
    "Albania, Kosovo and Kazakhstan have all committed troops and police to the stabilisation force.",
    "Analysts said the figures were a 15 per cent increase on last year's total of $6 billion.",
    "Former British Prime Minister Tony Blair will sit on the executive board.",
    "The board met for the first time on February 19 at the Institute of Peace in Washington.",
    "Germany announced a further 250 million euros for reconstruction, while Norway gave NOK 1 billion.",
    "India offered Rs 500 crore in medical supplies and two field hospitals staffed by 120 doctors.",
    "The Gulf nations said they would deliver 10,000 tonnes of flour before the end of the year.",
    "US Ambassador to the UN Michael Waltz said the 20-point plan was on track.",
    "Turkey and Azerbaijan said they would send engineers, and Pakistan offered up to 1,000 peacekeepers.",
    "FIFA expects to raise $75 million for football projects, its president Gianni Infantino said.",
]


def make_articles(n: int, words: int = 800, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    articles = []
    for _ in range(n):
        parts: list[str] = []
        count = 0
        while count < words:
            sentence = rng.choice(SENTENCES)
            parts.append(sentence)
            count += len(sentence.split())
        paragraphs = [" ".join(parts[i : i + 3]) for i in range(0, len(parts), 3)]
        articles.append("\n\n".join(paragraphs))
    return articles


def measure(fn: Callable[[str], object], articles: list[str], runs: int) -> float:
    fn(articles[0])  # build the finders outside the timing
    times = []
    for _ in range(runs):
        start = time.process_time()
        for article in articles:
            fn(article)
        times.append((time.process_time() - start) / len(articles))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    articles = make_articles(args.articles)
    published = dt.date(2026, 3, 5)
    finders: dict[str, Callable[[str], object]] = {
        "actors + people": find_actors,
        "amounts": find_amounts,
        "dates": lambda text: find_dates(text, published),
        "all (+ subject)": lambda text: (
            DocumentActors.of(text).subject,
            find_amounts(text),
            find_dates(text, published),
        ),
    }
    words = statistics.mean(len(a.split()) for a in articles)
    print(f"{len(articles)} articles, {words:.0f} words each on average, median of {args.runs} runs")
    for name, fn in finders.items():
        seconds = measure(fn, articles, args.runs)
        print(f"{name:<18} {seconds * 1000:6.2f} ms/article  {1 / seconds:8.0f} articles/s")


if __name__ == "__main__":
    main()
