"""The integer-percentage count of Kobak, Shpilkin & Pshenichnikov (2016), written the plain
numpy way, as the yardstick bench/analysis.ts prints beside `dauys analyze --csv`.

Same file, same inclusion rule (official result present, >= 100 registered, turnout and leader's
share <= 99%), same +-0.05-point window; the null redraws every station's ballots and leader's votes
from binomials with its own rates, `draws` times, in blocks so memory stays small.
Run: python3 bench/integer-percentages-numpy.py <2011.csv.zip> [draws] [seed]
Prints one JSON line: stations, included, observed, expected mean and sd, seconds.
"""
import csv
import io
import json
import sys
import time
import zipfile

import numpy as np

REGISTERED = "Число избирателей, внесенных в список избирателей"
ISSUED = [
    "Число избирательных бюллетеней, выданных избирателям, проголосовавшим досрочно",
    "Число избирательных бюллетеней, выданных избирателям в помещении для голосования",
    "Число избирательных бюллетеней, выданных избирателям вне помещения для голосования",
]
VALID = "Число действительных избирательных бюллетеней"
INVALID = "Число недействительных избирательных бюллетеней"
LEADER = '6. Всероссийская политическая партия "ЕДИНАЯ РОССИЯ"'


def integer(percent):
    return np.abs(percent - np.round(percent)) <= 0.05


def main():
    path = sys.argv[1]
    draws = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 42
    started = time.perf_counter()
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        text = io.TextIOWrapper(archive.open(name), encoding="utf-8")
        rows = [row for row in csv.DictReader(text) if row[LEADER].strip() != ""]
    number = lambda column: np.array([float(row[column] or 0) for row in rows])
    registered = number(REGISTERED)
    issued = sum(number(column) for column in ISSUED)
    counted = number(VALID) + number(INVALID)
    leader = number(LEADER)
    read = time.perf_counter()

    with np.errstate(divide="ignore", invalid="ignore"):
        turnout = issued / registered
        share = leader / counted
        keep = (counted > 0) & (registered >= 100) & (turnout <= 0.99) & (share <= 0.99)
    n_reg, n_cnt = registered[keep].astype(np.int64), counted[keep].astype(np.int64)
    p_turn, p_share = turnout[keep], share[keep]
    observed = int(np.sum(integer(100 * issued[keep] / n_reg) | integer(100 * leader[keep] / n_cnt)))

    rng = np.random.default_rng(seed)
    null = []
    for start in range(0, draws, 50):
        block = min(50, draws - start)
        ballots = rng.binomial(n_reg, p_turn, size=(block, n_reg.size))
        votes = rng.binomial(n_cnt, p_share, size=(block, n_cnt.size))
        null.extend(np.sum(integer(100 * ballots / n_reg) | integer(100 * votes / n_cnt), axis=1))
    done = time.perf_counter()
    print(json.dumps({
        "stations": len(rows),
        "included": int(keep.sum()),
        "observed": observed,
        "expectedMean": float(np.mean(null)),
        "expectedSd": float(np.std(null, ddof=1)),
        "readSeconds": round(read - started, 2),
        "countSeconds": round(done - read, 2),
    }))


if __name__ == "__main__":
    main()
