#!/usr/bin/python3
"""Independent test oracle for claimkb's verdicts (docs/grading.md, docs/grading.md).

    grade_oracle.py KB_DIR   ->  JSON {"claim-id": {"verdict": ..., "certainty": ...}}

Written from the contract (docs/grading.md) alone, without reading the C++; kept short and literal.
It assumes a valid KB (no validation).
"""
import collections
import json
import pathlib
import sys

import yaml

NAMES = {4: 'high', 3: 'moderate', 2: 'low', 1: 'very_low'}
LEVELS = {name: level for level, name in NAMES.items()}

# §2 designs and where their certainty starts (0 = opinion, not evidence)
TIERS = {'rct': 4,
         'non_randomized_trial': 2, 'cohort': 2, 'case_control': 2, 'cross_sectional': 2,
         'case_series': 1, 'case_report': 1, 'laboratory': 1,
         'narrative_review': 0, 'expert_opinion': 0, 'guideline': 0, 'book': 0, 'web': 0}
REVIEW_TIERS = {'randomized': 4, 'mixed': 3, 'observational': 2}  # §2 systematic_review `of`

# Which rules fired, summed over every call (only used to check the generator's coverage).
FIRED = collections.Counter()


# ---------------------------------------------------------------- §1 loading

class _StrLoader(yaml.SafeLoader):
    """Plain scalars stay strings, as a YAML 1.2 reader sees ids like `1988` or `no`."""


_StrLoader.yaml_implicit_resolvers = {}


def load_kb(kb_dir):
    """§1: every *.yaml / *.yml below claims/ and citations/, at any depth; a file holds
    one mapping or a list of mappings. Returns (claims, citations) as lists of dicts."""
    out = {'claims': [], 'citations': []}
    for sub, records in out.items():
        for path in sorted(pathlib.Path(kb_dir, sub).rglob('*')):
            if path.is_file() and path.suffix in ('.yaml', '.yml'):
                data = yaml.load(path.read_text(encoding='utf-8'), Loader=_StrLoader)
                if data is not None:
                    records.extend(data if isinstance(data, list) else [data])
    return out['claims'], out['citations']


def _true(value):
    return value is True or str(value).lower() == 'true'


# ---------------------------------------------------------------- §2 tiers

def tier(cit):
    """§2: the level where a citation's certainty starts; a review starts at what it
    pooled (`of`), whatever its directness (grading.md)."""
    if cit['design'] == 'systematic_review':
        return REVIEW_TIERS[cit['of']]
    return TIERS[cit['design']]


def clamp(level):
    """§3.3 clamp to 1..4."""
    if level < 1:
        FIRED['clamp-to-1'] += 1
    if level > 4:
        FIRED['clamp-to-4'] += 1
    return max(1, min(4, level))


# ---------------------------------------------------------------- §3.1 counted links

def is_counted(link, cit):
    """§3.1: empirical, stance supports/refutes, citation not retracted."""
    if link['stance'] == 'neutral':
        FIRED['not-counted-neutral'] += 1
    elif tier(cit) == 0:
        FIRED['not-counted-opinion'] += 1
    elif cit.get('retracted'):
        FIRED['not-counted-retracted'] += 1
    return tier(cit) > 0 and link['stance'] in ('supports', 'refutes') and not cit.get('retracted')


# ---------------------------------------------------------------- grading.md §2, each group once

def sample_groups(citations):
    """grading.md §2: citations joined by same_sample_as, in either direction and through any
    chain, are one group of participants. Returns {citation id: a name of its group}."""
    parent = {c['id']: c['id'] for c in citations}

    def root(cid):
        while parent[cid] != cid:
            cid = parent[cid]
        return cid

    for c in citations:
        other = c.get('same_sample_as')
        if other:
            parent[root(c['id'])] = root(other)
    return {cid: root(cid) for cid in parent}


def pools(review, cit, groups):
    """grading.md §2: a systematic review pools the participants of every citation it
    includes and of every other report of them (the same group); never its own link."""
    if review['design'] != 'systematic_review' or review['id'] == cit['id']:
        return False
    return groups[cit['id']] in {groups[x] for x in review.get('includes') or []}


def counted_links(claim, cits, groups):
    """grading.md §2: the eligible links (empirical, supports/refutes, not retracted), then
    1. a link pooled by an eligible review linked with the same stance is set aside;
    2. of the rest, per group of participants and stance, only the design that starts
       highest, then the largest n (missing: 0), then the first listed, counts.
    Opposite stances both count."""
    links = claim.get('evidence') or []
    eligible = [(k, l) for k, l in enumerate(links) if is_counted(l, cits[l['citation']])]
    rest = []
    for k, l in eligible:
        by = [r for j, r in eligible if j != k and r['stance'] == l['stance']
              and pools(cits[r['citation']], cits[l['citation']], groups)]
        if not by:
            rest.append((k, l))
            continue
        FIRED['included-same-stance'] += 1
        if l['citation'] not in (cits[by[0]['citation']].get('includes') or []):
            FIRED['included-through-same-sample'] += 1
        if any(pools(cits[r2['citation']], cits[by[0]['citation']], groups)
               for _, r2 in eligible if r2['stance'] == l['stance']):
            FIRED['included-by-set-aside-review'] += 1
    for k, l in links_pooled_by_uncounted(links, cits, groups, eligible):
        FIRED['not-set-aside-by-uncounted-review'] += 1
    counted = []
    for k, l in rest:
        rivals = [(j, r) for j, r in rest if r['stance'] == l['stance']
                  and groups[r['citation']] == groups[l['citation']]]
        best = min(rivals, key=lambda jr: (-tier(cits[jr[1]['citation']]),
                                           -int(cits[jr[1]['citation']].get('n', 0)), jr[0]))
        if best[0] == k:
            counted.append(l)
            continue
        FIRED['same-sample-set-aside'] += 1
        winner = cits[best[1]['citation']]
        loser = cits[l['citation']]
        if tier(winner) != tier(loser):
            FIRED['same-sample-by-tier'] += 1
        elif int(winner.get('n', 0)) != int(loser.get('n', 0)):
            FIRED['same-sample-by-n'] += 1
        else:
            FIRED['same-sample-by-order'] += 1
        if loser.get('same_sample_as') != winner['id'] and winner.get('same_sample_as') != loser['id']:
            FIRED['same-sample-through-a-chain'] += 1
    for a in counted:
        for b in counted:
            if a['stance'] == 'supports' and b['stance'] == 'refutes':
                if groups[a['citation']] == groups[b['citation']]:
                    FIRED['same-sample-opposite-stances'] += 1
                if (pools(cits[a['citation']], cits[b['citation']], groups)
                        or pools(cits[b['citation']], cits[a['citation']], groups)):
                    FIRED['included-opposite-stances'] += 1
    return counted


def links_pooled_by_uncounted(links, cits, groups, eligible):
    """Eligible links that a linked review with the same stance pooled, where that review is
    not eligible (retracted, neutral): they are not set aside (coverage only)."""
    eligible_ids = {l['citation'] for _, l in eligible}
    return [(k, l) for k, l in eligible
            if any(r['citation'] not in eligible_ids and r['stance'] in (l['stance'], 'neutral')
                   and pools(cits[r['citation']], cits[l['citation']], groups) for r in links)]


# ---------------------------------------------------------------- §3.2 best tier

def best_tier_links(links, cits):
    """§3.2: a body is rated on its best tier only; lower-tier links are not rated."""
    best = max(tier(cits[l['citation']]) for l in links)
    rated = [l for l in links if tier(cits[l['citation']]) == best]
    if len(rated) < len(links):
        FIRED['lower-tier-dropped'] += 1
    return best, rated


# ---------------------------------------------------------------- §3.3 rating a body

def has_reported(link):
    """§3.3 / grading.md: a link carries the source's own grading when it has
    `reported_certainty` or `reported_domains`."""
    return 'reported_certainty' in link or 'reported_domains' in link


def domains_level(domains, start):
    """§3.3 reported_domains applied to the tier: -1 serious, -2 very_serious, + upgrades
    (large_effect / dose_response / confounding: 1 or 2), clamped to 1..4."""
    level = start
    for value in domains.values():
        if value == 'serious':
            level -= 1
        elif value == 'very_serious':
            level -= 2
        else:
            level += int(value)
    return clamp(level)


def source_level(link, start):
    """§3.3: a link with its source's grading is rated alone: reported_certainty is its
    level; otherwise reported_domains on its tier; when both disagree the certainty stands."""
    if 'reported_certainty' in link:
        level = LEVELS[link['reported_certainty']]
        FIRED['reported-certainty'] += 1
        if 'reported_domains' in link:
            FIRED['reported-both-' + ('agree' if domains_level(link['reported_domains'], start) == level
                                      else 'disagree')] += 1
        return level
    FIRED['reported-domains'] += 1
    return domains_level(link['reported_domains'], start)


def reported_level(link, start):
    """grading.md §4a: the source's level, one lower (clamped to 1..4) when the link itself
    is indirect: the source graded another question than the claim's."""
    level = source_level(link, start)
    if link.get('directness', 'direct') == 'indirect':
        FIRED['reported-indirect'] += 1
        level = clamp(level - 1)
    return level


def link_rob(link, cit):
    """grading.md: the link's own risk_of_bias, else its citation's, else unclear."""
    return link.get('risk_of_bias', cit.get('risk_of_bias', 'unclear'))


def group_level(group, start, cits):
    """§3.3: the other rated links rated together, starting at the tier."""
    level, downgraded = start, False
    robs = [link_rob(l, cits[l['citation']]) for l in group]
    # §3.3 risk of bias: more than half critical -> -2; else more than half high/critical -> -1
    if 2 * sum(r == 'critical' for r in robs) > len(group):
        level, downgraded = level - 2, True
        FIRED['rob-2'] += 1
    elif 2 * sum(r in ('high', 'critical') for r in robs) > len(group):
        level, downgraded = level - 1, True
        FIRED['rob-1'] += 1
    # §3.3 indirectness: all of them indirect -> -1
    if all(l.get('directness', 'direct') == 'indirect' for l in group):
        level, downgraded = level - 1, True
        FIRED['indirectness'] += 1
    # §3.3 imprecision: total n < 400, a missing n counts 0 -> -1
    if sum(int(cits[l['citation']].get('n', 0)) for l in group) < 400:
        level, downgraded = level - 1, True
        FIRED['imprecision'] += 1
    # §3.3 publication bias: any suspected -> -1
    if any(l.get('publication_bias') == 'suspected' for l in group):
        level, downgraded = level - 1, True
        FIRED['publication-bias'] += 1
    # §3.3 upgrades: only at tier low/very low and when no downgrade fired; they add up
    if start <= 2 and not downgraded:
        effects = [l.get('effect') for l in group]
        if all(e == 'very_large' for e in effects):
            level += 2
            FIRED['large-effect+2'] += 1
        elif all(e in ('large', 'very_large') for e in effects):
            level += 1
            FIRED['large-effect+1'] += 1
        if any(_true(l.get('dose_response', False)) for l in group):
            level += 1
            FIRED['dose-response+1'] += 1
    return clamp(level)


def rate_body(links, cits):
    """§3.3: the body's level is the highest of the reported links' levels and the group's.
    Returns (level, number of rated links), or (None, 0) when there is no body."""
    if not links:
        return None, 0
    start, rated = best_tier_links(links, cits)
    reported = [l for l in rated if has_reported(l)]
    group = [l for l in rated if not has_reported(l)]
    levels = [reported_level(l, start) for l in reported]
    if group:
        levels.append(group_level(group, start, cits))
    if reported and group:
        FIRED['reported-and-group'] += 1
    return max(levels), len(rated)


# ---------------------------------------------------------------- §3.4 direction

def direction(s, n_s, r, n_r):
    """§3.4, with S and R the bodies' levels (None: no body) and n_* their rated links."""
    if s is None and r is None:                      # neither body
        FIRED['insufficient'] += 1
        return 'insufficient', None
    if r is None:                                    # one body
        FIRED['one-body-supports'] += 1
        return 'supported', s
    if s is None:
        FIRED['one-body-refutes'] += 1
        return 'refuted', r
    if s >= r + 2:                                   # no penalty
        FIRED['S>=R+2'] += 1
        return 'supported', s
    if r >= s + 2:
        FIRED['R>=S+2'] += 1
        return 'refuted', r
    if s == r + 1:                                   # inconsistency
        FIRED['S=R+1'] += 1
        return 'supported', s - 1
    if r == s + 1:
        FIRED['R=S+1'] += 1
        return 'refuted', r - 1
    level = max(1, s - 1)                            # S = R
    if n_s >= 2 * n_r and n_s >= 2:
        FIRED['tie-supported'] += 1
        return 'supported', level
    if n_r >= 2 * n_s and n_r >= 2:
        FIRED['tie-refuted'] += 1
        return 'refuted', level
    FIRED['tie-mixed'] += 1
    return 'mixed', level


# ---------------------------------------------------------------- §3.5 premises

def apply_premises(verdict, level, premises):
    """§3.5, premises = [(verdict, level)] of the claims this one presupposes."""
    refuted = [p_level for p_verdict, p_level in premises if p_verdict == 'refuted']
    if refuted:                                      # at the highest refuted premise's certainty
        FIRED['premise-refuted'] += 1
        return 'refuted', max(refuted)
    if verdict in ('supported', 'mixed'):            # capped; insufficient premise caps at 1
        cap = min([4] + [1 if v == 'insufficient' else l for v, l in premises])
        if cap < level:
            FIRED['premise-cap'] += 1
        return verdict, min(level, cap)
    if verdict == 'insufficient' and premises:       # premises alone never support
        FIRED['premise-no-own-evidence'] += 1
    return verdict, level                            # refuted is never capped


# ---------------------------------------------------------------- one claim, a whole KB

def grade_claim(claim, cits, graded, groups=None):
    """§3.1-§3.5 for one claim whose premises are already in `graded`."""
    if groups is None:
        groups = sample_groups(cits.values())
    counted = counted_links(claim, cits, groups)
    s, n_s = rate_body([l for l in counted if l['stance'] == 'supports'], cits)
    r, n_r = rate_body([l for l in counted if l['stance'] == 'refutes'], cits)
    verdict, level = direction(s, n_s, r, n_r)
    return apply_premises(verdict, level, [graded[p] for p in claim.get('depends_on') or []])


def grade_all(claims, citations):
    """§3.5: grade in dependency order (premises first). Returns {id: (verdict, level)}."""
    by_id = {c['id']: c for c in claims}
    cits = {c['id']: c for c in citations}
    groups = sample_groups(citations)
    graded = {}

    def visit(cid):
        if cid not in graded:
            for premise in by_id[cid].get('depends_on') or []:
                visit(premise)
            graded[cid] = grade_claim(by_id[cid], cits, graded, groups)

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(claims) + 1000))
    for cid in by_id:
        visit(cid)
    return graded


def as_json(graded):
    return {cid: {'verdict': v, 'certainty': NAMES.get(level)} for cid, (v, level) in sorted(graded.items())}


def grade_kb(kb_dir):
    """{id: {"verdict": ..., "certainty": ... or None}} for every claim below kb_dir."""
    return as_json(grade_all(*load_kb(kb_dir)))


def main(argv):
    if len(argv) != 2:
        print('usage: grade_oracle.py KB_DIR', file=sys.stderr)
        return 2
    json.dump(grade_kb(argv[1]), sys.stdout, indent=2)
    print()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
