#!/usr/bin/env python3
"""Writes a synthetic, valid iooi plan repository for benchmarks and fixtures.

Deterministic: the same knobs and seed give the same bytes (no clock, no
environment, one seeded random generator). The plan is meant to pass
`iooi check --strict` at the as_of written to OUT/.iooi-bench.json (the last day
of the last quarter) and at any later day, so it violates no rule of
docs/rules.md: every element is measured and connected one level up, every
objective has 1-5 key results and aligns to outputs/outcomes, every owner has at
most 5 objectives per quarter, every key result is checked in weekly up to the
last day of its quarter, values stay within 0-100 for unit "%".

    python3 bench/generate.py --preset small --out /tmp/plan      # < 1 s, a fixture
    python3 bench/generate.py --preset 10mb --out /tmp/plan-10mb  # ~10 MB, ~500 files
    python3 bench/generate.py --preset 40mb --out /tmp/plan-40mb  # 4x the 10mb preset
"""

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sys

MARKER = ".iooi-bench.json"  # starts with '.', so iooi never loads it

PRESETS = {
    # Small enough to be a test fixture: a handful of files, every section used.
    "small": dict(teams=3, quarters=2, objectives_per_team=2, key_results=3, checkins=4,
                  elements=16, chain_files=2),
    # ~10 MB in ~500 files: the size named by the performance targets.
    "10mb": dict(teams=60, quarters=8, objectives_per_team=5, key_results=4, checkins=13,
                 elements=480, chain_files=20),
    # 4x the 10mb preset in every dimension that grows with a programme (teams,
    # chain elements, files); per-file shape unchanged, for the scaling target.
    "40mb": dict(teams=240, quarters=8, objectives_per_team=5, key_results=4, checkins=13,
                 elements=1920, chain_files=80),
}
DEFAULTS = dict(PRESETS["small"], seed=1, start_year=2024, files=None)

TEAM_TOPICS = [
    "Aktivierung und Ausbau der Community", "Förderung digitaler Kompetenzen",
    "Öffentlichkeitsarbeit und Presse", "Bürgerbeteiligung", "Qualitätssicherung",
    "Datenschutz und Ethik", "Wissenstransfer in die Verwaltung", "Netzwerk Süd",
    "Netzwerk Nord", "Gemeinwohlorientierte KI", "Fördermittelverwaltung",
    "Veranstaltungen und Begegnung", "Barrierefreiheit", "Offene Daten",
    "Jugendbeteiligung", "Ehrenamtsgewinnung", "Partnerschaften mit Kommunen",
    "Evaluation und Wirkungsmessung", "Schulungen für Projektteams", "Plattformbetrieb",
]

SUBJECTS = [  # singular, to agree with PREDICATES
    "Die Community", "Jedes Projektteam", "Die Zivilgesellschaft vor Ort", "Unser Netzwerk",
    "Die Verwaltung", "Die Förderlinie", "Die Jugendbeteiligung", "Das Ehrenamt",
    "Die Geschäftsstelle", "Die Partnerschaft mit den Kommunen",
]
PREDICATES = [
    "wächst und vernetzt sich", "wendet KI-Kompetenz im Alltag an",
    "nutzt offene Daten für gemeinwohlorientierte Lösungen", "gestaltet digitale Angebote mit",
    "erreicht mehr Menschen in ländlichen Räumen", "teilt Wissen über Ländergrenzen hinweg",
    "arbeitet barrierefrei und inklusiv", "verbessert die Qualität der eigenen Lösungen",
    "gewinnt Förderer für die nächste Phase", "übernimmt Verantwortung für Datenschutz",
    "macht die eigene Wirkung sichtbar", "führt erfolgreiche Pilotprojekte durch",
]
MEASURE_NOUNS = [
    ("Teilnehmende an Veranstaltungen", "Personen"), ("Aktive Mitglieder im Forum", "Personen"),
    ("Abgeschlossene Pilotprojekte", "Projekte"), ("Durchgeführte Workshops", "Workshops"),
    ("Eingeworbene Fördermittel", "Euro"), ("Veröffentlichte Datensätze", "Datensätze"),
    ("Neue Partnerkommunen", "Kommunen"), ("Beiträge in Fachmedien", "Beiträge"),
    ("Geschulte Projektteams", "Teams"), ("Erreichte Jugendliche", "Personen"),
]
PERCENT_MEASURES = [
    "Anteil der Teams, die Gelerntes anwenden", "Zufriedenheit der Teilnehmenden",
    "Anteil barrierefreier Angebote", "Anteil wiederkehrender Teilnehmender",
    "Quote abgeschlossener Förderanträge", "Anteil der Kommunen mit offenem Datenportal",
]
DECREASING_MEASURES = [
    ("Bearbeitungszeit von Förderanträgen", "Tage"), ("Offene Rückfragen im Support", "Fälle"),
    ("Abbruchquote in Schulungen", "%"), ("Kosten je Teilnahme", "Euro"),
]
MILESTONES = [
    "Neues Veranstaltungsportal ist live", "Förderrichtlinie ist veröffentlicht",
    "Evaluationsbericht liegt vor", "Datenschutzkonzept ist abgenommen",
    "Kooperationsvertrag mit dem Land ist unterzeichnet", "Handbuch für Projektteams erscheint",
]
NOTES = [
    "Befragung der Teilnehmenden", "Zahlen aus dem Anmeldesystem", "Schätzung des Teams",
    "Rückmeldungen aus den Regionalgruppen", "nach Abstimmung mit der Geschäftsführung",
    "Verzögerung wegen Ferienzeit", "Stand laut Förderdatenbank", "Zählung vor Ort, grob gerundet",
    "Daten aus dem Monitoring-Dashboard", "Übertrag aus der Quartalsübersicht",
]
LEVEL_WORDS = {
    "impacts": ["Gesellschaftliche Teilhabe", "Gemeinwohl durch digitale Innovation",
                "Vertrauen in öffentliche Institutionen", "Chancengleichheit in der Bildung",
                "Nachhaltige Entwicklung der Regionen", "Lebendige Demokratie vor Ort"],
    "outcomes": ["Projektteams wenden KI-Kompetenz an", "Kommunen öffnen ihre Daten",
                 "Jugendliche beteiligen sich dauerhaft", "Ehrenamtliche übernehmen Verantwortung",
                 "Verwaltungen nutzen gemeinwohlorientierte Software",
                 "Gemeinnützige setzen Datenschutz souverän um"],
    "outputs": ["Workshops für Projektteams", "Offene Sprechstunden", "Leitfäden und Handbücher",
                "Veranstaltungsreihe Digitale Teilhabe", "Förderprogramm für Pilotprojekte",
                "Online-Kurse zur Datenkompetenz", "Mentoring für Gründerinnen"],
    "inputs": ["Fördermittel des Bundes", "Personal der Geschäftsstelle", "Ehrenamtliche Zeit",
               "Räume der Partnerorganisationen", "Technische Infrastruktur",
               "Expertise aus der Wissenschaft"],
}
LEVEL_PREFIX = {"impacts": "IM", "outcomes": "OC", "outputs": "OP", "inputs": "IN"}
STAGES = {"impacts": (7, 7), "outcomes": (4, 6), "outputs": (1, 3), "inputs": None}
TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue",
                          "ß": "ss"})


def slug(text, words=2):
    parts = []
    for word in text.translate(TRANSLIT).lower().replace("-", " ").split():
        word = "".join(c for c in word if c.isalnum())
        if len(word) > 3:
            parts.append(word)
        if len(parts) == words:
            break
    return "-".join(parts) or "x"


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def number(value):
    """Plain YAML number text: integers without '.0', others with one decimal."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.1f}"


def quarter_range(year, quarter):
    start = dt.date(year, 3 * quarter - 2, 1)
    end_month = 3 * quarter
    next_first = dt.date(year + (end_month == 12), end_month % 12 + 1, 1)
    return start, next_first - dt.timedelta(days=1)


def month_ends(first_day, count):
    days = []
    year, month = first_day.year, first_day.month
    for _ in range(count):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        days.append(dt.date(year, month, 1) - dt.timedelta(days=1))
    return days


class Generator:
    def __init__(self, knobs):
        self.k = knobs
        self.rng = random.Random(knobs.seed)
        self.quarters = []
        year, quarter = knobs.start_year, 1
        for _ in range(knobs.quarters):
            start, end = quarter_range(year, quarter)
            self.quarters.append((f"{year}-Q{quarter}", f"{year % 100:02d}Q{quarter}", start, end))
            year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)
        self.first_day = self.quarters[0][2]
        self.as_of = self.quarters[-1][3]
        self.files = {}  # relative path -> text

    # --- chain -----------------------------------------------------------------------------

    def element_counts(self):
        total = self.k.elements
        impacts = max(1, total // 25)
        outcomes = max(impacts, total // 6)
        outputs = max(outcomes, total // 3)
        inputs = max(1, total - impacts - outcomes - outputs)
        return {"impacts": impacts, "outcomes": outcomes, "outputs": outputs, "inputs": inputs}

    def build_chain(self):
        counts = self.element_counts()
        self.elements = {}
        for section in ("impacts", "outcomes", "outputs", "inputs"):
            words = LEVEL_WORDS[section]
            items = []
            for i in range(counts[section]):
                title = words[i % len(words)]
                if i >= len(words):
                    title += f" ({i // len(words) + 1}. Schwerpunkt)"
                short = f"{LEVEL_PREFIX[section]}-{i + 1:03d}"
                items.append({"id": f"{short}-{slug(title, 1)}", "short": short, "title": title,
                              "index": i})
            self.elements[section] = items
        # Each element contributes one level up, round-robin, so every outcome and
        # impact has a contributor (lower levels are never smaller than higher ones).
        up = {"outcomes": "impacts", "outputs": "outcomes", "inputs": "outputs"}
        for section, higher in up.items():
            targets = self.elements[higher]
            for item in self.elements[section]:
                first = targets[item["index"] % len(targets)]
                links = [first["id"]]
                if len(targets) > 1 and self.rng.random() < 0.3:
                    second = targets[(item["index"] + 1) % len(targets)]
                    links.append({"id": second["id"], "weight": self.rng.choice([0.5, 2])})
                item["contributes_to"] = links

    def indicator_lines(self, element, count, indent):
        pad = " " * indent
        lines = [f"{pad}indicators:"]
        months = month_ends(self.first_day, 3 * len(self.quarters))
        for n in range(count):
            percent = self.rng.random() < 0.4
            if percent:
                title = self.rng.choice(PERCENT_MEASURES)
                unit = "%"
                baseline = self.rng.randint(5, 40)
                target = self.rng.randint(baseline + 20, min(100, baseline + 60))
            else:
                title, unit = self.rng.choice(MEASURE_NOUNS)
                baseline = self.rng.randint(0, 50)
                target = baseline + self.rng.randint(50, 2000)
            lines.append(f"{pad}  - id: IND-{element['short']}-{n + 1}")
            lines.append(f"{pad}    title: {quote(title)}")
            lines.append(f"{pad}    unit: {quote(unit)}")
            lines.append(f"{pad}    baseline: {baseline}")
            lines.append(f"{pad}    target: {target}")
            if self.rng.random() < 0.5:
                lines.append(f"{pad}    baseline_date: {self.first_day.isoformat()}")
                target_date = dt.date(self.as_of.year + 1, 12, 31)
                lines.append(f"{pad}    target_date: {target_date.isoformat()}")
            if self.rng.random() < 0.2:
                lines.append(f"{pad}    weight: 2")
            lines.append(f"{pad}    checkins:")
            reach = self.rng.uniform(0.3, 1.0)
            for m, day in enumerate(months):
                share = (m + 1) / len(months) * reach
                value = baseline + (target - baseline) * share + self.rng.uniform(-3, 3)
                value = max(0.0, min(100.0, value)) if percent else max(0.0, value)
                value = round(value, 1) if percent else round(value)
                confidence = self.rng.randint(3, 9) if self.rng.random() < 0.7 else None
                lines.append(self.checkin_line(f"{pad}      ", day, number(value), confidence))
        return lines

    def checkin_line(self, pad, day, value_text, confidence):
        """A flow-style check-in; confidence None leaves it out."""
        parts = [f"date: {day.isoformat()}", f"value: {value_text}"]
        if confidence is not None:
            parts.append(f"confidence: {confidence}")
        if self.rng.random() < 0.2:
            parts.append(f"note: {quote(self.rng.choice(NOTES))}")
        return f"{pad}- {{{', '.join(parts)}}}"

    def element_lines(self, section, item):
        lines = [f"  - id: {item['id']}", f"    title: {quote(item['title'])}"]
        stages = STAGES[section]
        if stages:
            lines.append(f"    stage: {self.rng.randint(*stages)}")
        if self.rng.random() < 0.5:
            lines.append("    description: |")
            lines.append(f"      {item['title']}: Beschreibung der erwarteten Veränderung,")
            lines.append("      abgestimmt mit Zielgruppe, Geschäftsstelle und Förderern.")
        links = item.get("contributes_to")
        if links:
            rendered = [link if isinstance(link, str) else
                        f"{{id: {link['id']}, weight: {number(link['weight'])}}}" for link in links]
            lines.append(f"    contributes_to: [{', '.join(rendered)}]")
        # Every output, outcome and impact carries an indicator (rule `unmeasured`);
        # inputs sometimes do.
        if section != "inputs":
            count = 1 + (self.rng.random() < 0.3)
        else:
            count = int(self.rng.random() < 0.3)
        if count:
            lines.extend(self.indicator_lines(item, count, 4))
        return lines

    def write_chain(self):
        ordered = [(section, item) for section in ("impacts", "outcomes", "outputs", "inputs")
                   for item in self.elements[section]]
        files = max(1, min(self.k.chain_files, len(ordered)))
        for f in range(files):
            chunk = ordered[f * len(ordered) // files:(f + 1) * len(ordered) // files]
            lines = ["# Wirkungskette (IOOI): Elemente und Indikatoren", ""]
            current = None
            for section, item in chunk:
                if section != current:
                    lines.append(f"{section}:")
                    current = section
                lines.extend(self.element_lines(section, item))
            self.files[f"chain/chain-{f + 1:03d}.yaml"] = "\n".join(lines) + "\n"

    # --- teams and OKRs --------------------------------------------------------------------

    def build_teams(self):
        self.teams = []
        for t in range(self.k.teams):
            topic = TEAM_TOPICS[t % len(TEAM_TOPICS)]
            name = topic if t < len(TEAM_TOPICS) else f"{topic} {t // len(TEAM_TOPICS) + 1}"
            self.teams.append({"id": f"t{t + 1:03d}-{slug(topic)}", "name": name, "index": t})

    def pick_title(self, choices, used):
        """A choice not yet used in this objective (key results read better distinct)."""
        for _ in range(8):
            choice = self.rng.choice(choices)
            title = choice if isinstance(choice, str) else choice[0]
            if title not in used:
                break
        used.add(title)
        return choice

    def key_result_lines(self, kr_id, quarter, used):
        _, _, start, end = quarter
        lines = [f"      - id: {kr_id}"]
        roll = self.rng.random()
        count = self.k.checkins
        # Ending on the quarter's last day (never stale, never outside the period),
        # weekly at 13 per quarter, whole weeks apart with fewer.
        spacing = 7 * max(1, 13 // count)
        days = [end - dt.timedelta(days=spacing * (count - 1 - j)) for j in range(count)]
        assert days[0] >= start
        if roll < 0.15:
            lines.append(f"        title: {quote(self.pick_title(MILESTONES, used))}")
            lines.append("        type: milestone")
            lines.append("        checkins:")
            done_at = self.rng.randint(0, count + 2)
            confidence = self.rng.randint(4, 8)
            for j, day in enumerate(days):
                value = "true" if j >= done_at else "false"
                lines.append(self.checkin_line("          ", day, value, confidence))
            return lines
        percent = False
        if roll < 0.3:
            title, unit = self.pick_title(DECREASING_MEASURES, used)
            percent = unit == "%"
            baseline = self.rng.randint(20, 60)
            target = self.rng.randint(2, baseline - 5)
        elif roll < 0.5:
            title, unit, percent = self.pick_title(PERCENT_MEASURES, used), "%", True
            baseline = self.rng.randint(0, 50)
            target = self.rng.randint(baseline + 10, 100)
        else:
            title, unit = self.pick_title(MEASURE_NOUNS, used)
            baseline = self.rng.choice([0, 0, 10, 100])
            target = baseline + self.rng.choice([20, 50, 120, 800, 2500])
        lines.append(f"        title: {quote(title)}")
        lines.append(f"        unit: {quote(unit)}")
        lines.append(f"        baseline: {baseline}")
        lines.append(f"        target: {target}")
        if self.rng.random() < 0.15:
            lines.append(f"        weight: {self.rng.choice([2, 0.5, 3])}")
        lines.append("        checkins:")
        reach = self.rng.uniform(0.2, 1.15)
        confidence = self.rng.randint(4, 8)
        for j, day in enumerate(days):
            value = baseline + (target - baseline) * reach * (j + 1) / count
            value += (target - baseline) * self.rng.uniform(-0.03, 0.03)
            value = max(0.0, min(100.0, value)) if percent else max(0.0, value)
            value = round(value, 1) if percent else round(value)
            confidence = max(1, min(10, confidence + self.rng.choice([-1, 0, 0, 1])))
            given = confidence if self.rng.random() < 0.7 else None
            lines.append(self.checkin_line("          ", day, number(value), given))
        return lines

    def objective_lines(self, team, quarter, n):
        period, short, _, _ = quarter
        objective_id = f"O-{short}-t{team['index'] + 1:03d}-{n + 1}"
        title = f"{self.rng.choice(SUBJECTS)} {self.rng.choice(PREDICATES)}"
        lines = [f"  - id: {objective_id}", f"    title: {quote(title)}",
                 f"    period: {period}", f"    owner: {team['id']}"]
        roll = self.rng.random()
        if roll < 0.2:
            lines.append("    type: aspirational")
        elif roll < 0.3:
            lines.append("    type: committed")
        # Align to outputs or outcomes (never only to inputs), near the team's own area.
        pool = self.elements["outputs"] + self.elements["outcomes"]
        first = pool[(team["index"] * 7 + n) % len(pool)]
        links = [first["id"]]
        if self.rng.random() < 0.4:
            second = pool[(team["index"] * 7 + n + 3) % len(pool)]
            if second is not first:
                links.append(f"{{id: {second['id']}, weight: 2}}")
        lines.append(f"    aligns_to: [{', '.join(links)}]")
        lines.append("    key_results:")
        used = set()
        for k in range(self.k.key_results):
            kr_id = f"KR-{short}-t{team['index'] + 1:03d}-{n + 1}-{k + 1}"
            lines.extend(self.key_result_lines(kr_id, quarter, used))
        return lines

    def write_okrs(self):
        blocks = []  # (team, quarter, [objective indices])
        for team in self.teams:
            for quarter in self.quarters:
                blocks.append((team, quarter))
        units = [(team, quarter, n) for team, quarter in blocks
                 for n in range(self.k.objectives_per_team)]
        if self.k.files is None:
            for team, quarter in blocks:
                lines = [f"# Ziele und Schlüsselergebnisse: {team['name']}, {quarter[0]}", "",
                         "objectives:"]
                for n in range(self.k.objectives_per_team):
                    lines.extend(self.objective_lines(team, quarter, n))
                self.files[f"okr/{team['id']}/{quarter[0]}.yaml"] = "\n".join(lines) + "\n"
            return
        files = max(1, min(self.k.files, len(units)))
        for f in range(files):
            chunk = units[f * len(units) // files:(f + 1) * len(units) // files]
            lines = ["# Ziele und Schlüsselergebnisse", "", "objectives:"]
            for team, quarter, n in chunk:
                lines.extend(self.objective_lines(team, quarter, n))
            self.files[f"okr/part-{f + 1:04d}.yaml"] = "\n".join(lines) + "\n"

    def write_config(self):
        year = self.first_day.year
        lines = [
            "# Synthetischer Plan, geschrieben von bench/generate.py",
            "plan:",
            f"  name: {quote('Programm Digitale Teilhabe (synthetisch)')}",
            "  language: de",
            '  exclude: ["entwuerfe/**"]',
            "  periods:",
            f"    - {{id: FY{year % 100:02d}-T1, start: {year}-01-01, end: {year}-04-30}}",
            "  status:",
            "    on_track_gap: 0.10",
            "    off_track_gap: 0.25",
            "  stale_days: 14",
            "",
            "teams:",
        ]
        for team in self.teams:
            lines.append(f"  - {{id: {team['id']}, name: {quote(team['name'])}}}")
        self.files["iooi.yaml"] = "\n".join(lines) + "\n"

    def generate(self):
        self.build_chain()
        self.build_teams()
        self.write_config()
        self.write_chain()
        self.write_okrs()
        return self.files


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, help="output folder (created; must be empty or "
                        "hold an earlier generated plan, which is replaced)")
    parser.add_argument("--preset", choices=sorted(PRESETS), help="size preset; knobs override it")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--start-year", type=int, help="first quarter is Q1 of this year")
    parser.add_argument("--teams", type=int)
    parser.add_argument("--quarters", type=int)
    parser.add_argument("--objectives-per-team", type=int, help="per quarter, 1-5")
    parser.add_argument("--key-results", type=int, help="per objective, 1-5")
    parser.add_argument("--checkins", type=int, help="check-ins per key result and quarter, 1-13 (13 = weekly)")
    parser.add_argument("--elements", type=int, help="chain elements in total, >= 4")
    parser.add_argument("--chain-files", type=int, help="files the chain is split over")
    parser.add_argument("--files", type=int,
                        help="files the objectives are split over (default: one per team and quarter)")
    args = parser.parse_args(argv)
    knobs = dict(DEFAULTS)
    if args.preset:
        knobs.update(PRESETS[args.preset])
    for name in list(DEFAULTS):
        if getattr(args, name) is not None:
            knobs[name] = getattr(args, name)
    knobs = argparse.Namespace(**knobs)
    # Outside these bounds the plan would break a rule (okr-too-many-*, checkin-stale, ...).
    limits = {"teams": (1, 999), "quarters": (1, 400), "objectives_per_team": (1, 5),
              "key_results": (1, 5), "checkins": (1, 13), "elements": (4, 99999),
              "chain_files": (1, 99999), "start_year": (1900, 9000)}
    for name, (low, high) in limits.items():
        if not low <= getattr(knobs, name) <= high:
            parser.error(f"--{name.replace('_', '-')} must be within {low}..{high} "
                         "(the generator writes valid plans only)")
    if knobs.files is not None and knobs.files < 1:
        parser.error("--files must be at least 1")
    return args, knobs


def prepare_folder(out):
    if os.path.isdir(out) and os.listdir(out):
        if not os.path.exists(os.path.join(out, MARKER)):
            sys.exit(f"generate.py: {out} is not empty and holds no {MARKER}; refusing to touch it")
        shutil.rmtree(out)
    os.makedirs(out, exist_ok=True)


def main(argv):
    args, knobs = parse_args(argv)
    generator = Generator(knobs)
    files = generator.generate()
    prepare_folder(args.out)
    total = 0
    for path in sorted(files):
        data = files[path].encode("utf-8")
        full = os.path.join(args.out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as handle:
            handle.write(data)
        total += len(data)
    info = {"generator": "bench/generate.py", "knobs": vars(knobs), "preset": args.preset,
            "as_of": generator.as_of.isoformat(), "files": len(files), "bytes": total}
    with open(os.path.join(args.out, MARKER), "w", encoding="utf-8") as handle:
        json.dump(info, handle, indent=2, sort_keys=True)
        handle.write("\n")
    print(f"{args.out}: {len(files)} files, {total} bytes ({total / 2**20:.1f} MiB), "
          f"as_of {generator.as_of.isoformat()}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
