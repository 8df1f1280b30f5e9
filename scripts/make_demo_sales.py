#!/usr/bin/env python3
"""Writes assets/demo/sales.csv: one French till's day (time only, so any date can be given at import).

Deterministic (fixed seed), so re-running it reproduces the committed file byte for byte.
"""
import pathlib
import random

OUT = pathlib.Path(__file__).resolve().parent.parent / "assets" / "demo" / "sales.csv"
# The demo roster (data/src/fixtures/history.cpp, seed_demo_day): two sellers per shift.
MORNING = ["Анна", "Élodie"]      # 09:00-14:00
AFTERNOON = ["Rémi", "Zoé Martin"]  # 14:00-20:00
SELLERS = MORNING + AFTERNOON
# Relative weight of each hour 09..19: a lunch peak and an evening peak.
HOUR_WEIGHTS = {9: 4, 10: 7, 11: 11, 12: 22, 13: 20, 14: 9, 15: 8, 16: 11, 17: 20, 18: 24, 19: 14}
TRANSACTIONS = 150


def euros(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    whole = f"{cents // 100:,}".replace(",", "\u00a0")  # no-break space groups thousands
    return f"{sign}{whole},{cents % 100:02d} €"


def main() -> None:
    rng = random.Random(20260714)
    hours = rng.choices(list(HOUR_WEIGHTS), weights=list(HOUR_WEIGHTS.values()), k=TRANSACTIONS)
    times = sorted((hour, rng.randrange(60)) for hour in hours)
    lines = ["N° ticket;Heure;Vendeur;Caisse;Type;Articles;Montant TTC"]
    for number, (hour, minute) in enumerate(times, start=1):
        roll = rng.random()
        kind = "Vente" if roll < 0.94 else ("Remboursement" if roll < 0.97 else "Annulé")
        articles = rng.choice([1, 1, 1, 2, 2, 3, 4, 6])
        cents = sum(rng.choice([390, 590, 990, 1490, 2450, 3990, 5900, 12900]) for _ in range(articles))
        if kind == "Remboursement":
            articles, cents = 1, -rng.choice([990, 1490, 2450])
        on_floor = MORNING if hour < 14 else AFTERNOON
        # Uneven weights, so the seller table has something to say.
        seller = rng.choices(on_floor, weights=[3, 2])[0]
        register = "Caisse 1" if number % 3 else "Caisse 2"
        lines.append(f"T{number:04d};{hour:02d}:{minute:02d};{seller};{register};{kind};{articles};{euros(cents)}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
