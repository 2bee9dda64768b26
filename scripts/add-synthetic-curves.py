#!/usr/bin/env python3
"""Adds learning curves to a study written by make-synthetic-study.py: for every complete trial,
nine intermediate reports (step 1 to 9) of accuracy rising towards the trial's final value and
of a loss falling, as an evaluator reporting after each epoch would store them. Seeded by the
trial number, so the same study gets the same curves.

usage: add-synthetic-curves.py STUDY.sqlite
"""
import json, math, random, sqlite3, struct, sys

def main():
    db = sqlite3.connect(sys.argv[1])
    rows = db.execute("SELECT number, metrics FROM trial WHERE state = 'complete'").fetchall()
    out = []
    for number, blob in rows:
        rng = random.Random(number)
        accuracy = struct.unpack("<4d", blob)[0]
        rate = rng.uniform(0.25, 0.8)
        for step in range(1, 10):
            progress = 1 - math.exp(-rate * step)
            acc = round(0.1 + (accuracy - 0.1) * progress + 0.004 * (rng.random() - 0.5), 4)
            loss = round(2.3 * (1 - progress) + 0.1 + 0.02 * rng.random(), 4)
            out.append((number, step - 1, json.dumps({"step": step, "accuracy": acc, "loss": loss})))
    db.executemany("INSERT INTO intermediate VALUES (?, ?, ?)", out)
    db.commit()
    print(f"{len(out)} intermediate reports for {len(rows)} trials")

if __name__ == "__main__":
    main()
