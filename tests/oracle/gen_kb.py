#!/usr/bin/python3
"""Random but valid claimkb knowledge bases (docs/format.md), to compare claimkb with the oracle.

    gen_kb.py OUT_DIR --seed S --claims N

Deterministic for a given seed. Claims may depend only on lower-numbered claims, so the
`depends_on` graph is always a DAG. Within one claim every link names a different citation.
Some citations report the same participants as others (`same_sample_as`, in chains and
through citations no claim links), and some reviews list what they pooled (`includes`,
also reviews of reviews), never in a cycle, even through same_sample_as (docs/format.md).
"""
import argparse
import pathlib
import random
import sys

import yaml

EMPIRICAL = ['systematic_review', 'rct', 'non_randomized_trial', 'cohort', 'case_control',
             'cross_sectional', 'case_series', 'case_report', 'laboratory']
OPINION = ['narrative_review', 'expert_opinion', 'guideline', 'book', 'web']
TIER = {'rct': 4, 'non_randomized_trial': 2, 'cohort': 2, 'case_control': 2, 'cross_sectional': 2,
        'case_series': 1, 'case_report': 1, 'laboratory': 1}
REVIEW_TIER = {'randomized': 4, 'mixed': 3, 'observational': 2}
ROB = ['low', 'some_concerns', 'high', 'critical', 'unclear']
LEVELS = ['very_low', 'low', 'moderate', 'high']
DOWN_DOMAINS = ['risk_of_bias', 'inconsistency', 'indirectness', 'imprecision', 'publication_bias']
UP_DOMAINS = ['large_effect', 'dose_response', 'confounding']
EFFECT_PROFILES = [['small', 'moderate', 'large', 'very_large'], ['large'], ['very_large'],
                   ['large', 'very_large'], ['small', 'moderate']]
N_PROFILES = [[None, 10, 50, 120, 199], [150, 199, 200, 201, 250, 399, 400, 401],
              [400, 401, 650, 1200, 5000], [None, 0, 100, 200, 399, 400, 401, 3000]]

SURNAMES = ['Hellsing', 'Smith', 'van Tulder', "O'Brien", 'Nguyen', 'Müller', 'Koes', 'Hancock',
            'Maher', 'Chou', 'Deyo', 'Ferreira', 'Bogduk', 'Sato', 'Andersen', 'Okafor']
JOURNALS = ['Spine (Phila Pa 1976)', 'BMJ', 'Lancet', 'J Orthop Sports Phys Ther', 'Pain',
            'Cochrane Database Syst Rev', 'Eur Spine J', 'JAMA', 'Man Ther']
PUBLISHERS = ['Human Kinetics', 'World Health Organization', 'NICE', 'Churchill Livingstone']
WORDS = ['psoas', 'back', 'pain', 'posture', 'stretching', 'core', 'stability', 'sitting', 'lumbar',
         'disc', 'hamstring', 'pelvic', 'tilt', 'exercise', 'massage', 'sleep', 'walking']


def words(rng, k):
    return ' '.join(rng.choice(WORDS) for _ in range(k))


def make_citation(rng, cid, design, profile):
    c = {'id': cid, 'design': design, 'title': words(rng, rng.randint(3, 8)).capitalize() + '.',
         'authors': [f'{rng.choice(SURNAMES)} {rng.choice("ABCDEFGHJKLMNPRST")}{rng.choice(["", "J", "M"])}'
                     for _ in range(rng.choice([1, 2, 3, 6, 7]))],
         'year': rng.randint(1960, 2025)}
    if design in ('guideline', 'web', 'book') and rng.random() < 0.5:
        c['authors'] = []                         # an organisation
    if design in ('book', 'web', 'guideline') and rng.random() < 0.7:
        c['publisher'] = rng.choice(PUBLISHERS)
    else:
        c['journal'] = rng.choice(JOURNALS)
        if rng.random() < 0.6:
            c['volume'], c['issue'] = str(rng.randint(1, 60)), str(rng.randint(1, 12))
            first = rng.randint(1, 900)
            c['pages'] = f'{first}-{first + rng.randint(1, 30)}'
        if rng.random() < 0.5:
            c['doi'] = f'10.{rng.randint(1000, 9999)}/{cid}'
        if rng.random() < 0.5:
            c['pmid'] = str(rng.randint(1000000, 39999999))
    if design == 'systematic_review':
        c['of'] = rng.choice(list(REVIEW_TIER))
    n = rng.choice(profile['n'])
    if n is not None:
        c['n'] = n
    if rng.random() < 0.6:
        c['risk_of_bias'] = rng.choice(profile['rob'])
    if rng.random() < 0.07:
        c['retracted'] = {'date': f'20{rng.randint(10, 24)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}',
                          'notice': f'10.{rng.randint(1000, 9999)}/retraction.{cid}'}
    if rng.random() < 0.2:
        c['notes'] = words(rng, 5)
    return c


def tier_of(cit):
    if cit['design'] == 'systematic_review':
        return REVIEW_TIER[cit['of']]
    return TIER.get(cit['design'], 0)


def reported_domains(rng):
    keys = rng.sample(DOWN_DOMAINS + UP_DOMAINS, rng.randint(1, 3))
    return {k: (rng.choice(['serious', 'very_serious']) if k in DOWN_DOMAINS else rng.choice([1, 2]))
            for k in keys}


def domains_level(domains, start):
    level = start + sum(-1 if v == 'serious' else -2 if v == 'very_serious' else v for v in domains.values())
    return max(1, min(4, level))


def make_link(rng, cit, profile):
    link = {'citation': cit['id'],
            'stance': rng.choices(['supports', 'refutes', 'neutral'],
                                  [profile['p_supports'], 1 - profile['p_supports'], 0.12])[0],
            'finding': words(rng, rng.randint(4, 12)).capitalize() + '.'}
    if rng.random() < profile['p_indirect']:
        link['directness'] = 'indirect'
    elif rng.random() < 0.2:
        link['directness'] = 'direct'
    if rng.random() < 0.25:
        link['risk_of_bias'] = rng.choice(profile['rob'])
    if rng.random() < profile['p_effect']:
        link['effect'] = rng.choice(profile['effects'])
    if rng.random() < profile['p_dose']:
        link['dose_response'] = True
    if rng.random() < profile['p_pubbias']:
        link['publication_bias'] = 'suspected'
    roll = rng.random()
    if roll < profile['p_reported']:
        kind = rng.choice(['certainty', 'domains', 'both', 'both-agree'])
        if kind in ('domains', 'both', 'both-agree'):
            link['reported_domains'] = reported_domains(rng)
        if kind in ('certainty', 'both'):
            link['reported_certainty'] = rng.choice(LEVELS)
        if kind == 'both-agree':
            level = domains_level(link['reported_domains'], tier_of(cit) or 1)
            link['reported_certainty'] = LEVELS[level - 1]
    if rng.random() < 0.1:
        link['notes'] = words(rng, 4)
    return link


class Samples:
    """Groups of participants (same_sample_as) and which groups reviews pool, so that the
    `includes` generated never form a cycle: no review pools, through any chain, a review
    that pools it, and in one group at most one review includes a report of that group."""

    def __init__(self):
        self.group = {}         # citation id -> its group (the id of its first citation)
        self.pools = {}         # group -> the other groups its reviews include
        self.self_pooling = {}  # group -> the review of it that includes a report of it

    def add(self, cid, same_sample_as=None):
        """A new citation; with same_sample_as it joins that citation's group."""
        self.group[cid] = self.group[same_sample_as] if same_sample_as else cid

    def _reaches(self, start, goal):
        seen, todo = set(), [start]
        while todo:
            g = todo.pop()
            if g == goal:
                return True
            if g not in seen:
                seen.add(g)
                todo.extend(self.pools.get(g, ()))
        return False

    def include(self, review, cid):
        """Adds cid to the review's includes when that keeps them valid; True if added."""
        if review['id'] == cid or cid in review.get('includes', []):
            return False
        g, h = self.group[review['id']], self.group[cid]
        if g == h:
            if self.self_pooling.setdefault(g, review['id']) != review['id']:
                return False
        elif self._reaches(h, g):
            return False
        else:
            self.pools.setdefault(g, set()).add(h)
        review.setdefault('includes', []).append(cid)
        return True


def claim_profile(rng):
    """Per-claim tendencies, so that group rules (all indirect, majority critical, all large
    effects, total n around 400, ties) fire often enough."""
    designs = rng.sample(EMPIRICAL, rng.choice([1, 1, 2, 2, 3]))
    if rng.random() < 0.25:
        designs.append(rng.choice(OPINION))
    return {'designs': designs,
            'p_supports': rng.choice([0.15, 0.5, 0.5, 0.85, 1.0]),
            'p_indirect': rng.choice([0, 0, 0, 0.3, 1]),
            'rob': rng.choice([ROB, ['low', 'unclear', 'some_concerns'], ['low', 'unclear'], ['high', 'critical'],
                               ['critical'], ['critical', 'high', 'low']]),
            'p_effect': rng.choice([0, 0.6, 1, 1]),
            'effects': rng.choice(EFFECT_PROFILES),
            'p_dose': rng.choice([0, 0, 0.3]),
            'p_pubbias': rng.choice([0, 0, 0, 0.2]),
            'p_reported': rng.choice([0, 0, 0.2, 0.5]),
            'p_companion': rng.choice([0, 0, 0.3, 0.6]),
            'p_pool': rng.choice([0, 0, 0.5, 0.9]),
            'n': rng.choice(N_PROFILES + N_PROFILES[2:3])}


def generate(seed, n_claims):
    """Returns (claims, citations) as lists of dicts."""
    rng = random.Random(seed)
    citations, claims = [], []
    by_id, samples = {}, Samples()
    styles = ['{}-{}', '{}.{}', '{}_{}', '{}{}']

    def new_citation(design, profile, same_sample_as=None):
        cid = rng.choice(styles).format(rng.choice(SURNAMES).lower().replace("'", '')
                                        .replace(' ', '').replace('ü', 'u'), len(citations) + 1)
        cit = make_citation(rng, cid, design, profile)
        if same_sample_as:
            cit['same_sample_as'] = same_sample_as
        citations.append(cit)
        by_id[cid] = cit
        samples.add(cid, same_sample_as)
        return cit

    def new_link(cit, profile, stance=None):
        link = make_link(rng, cit, profile)
        if stance:
            link['stance'] = stance
        return link

    for i in range(1, n_claims + 1):
        profile = claim_profile(rng)
        evidence, used = [], set()
        for _ in range(rng.choice([0, 0, 1, 1, 2, 2, 3, 3, 4, 5, 6])):
            reusable = [c for c in citations if c['id'] not in used]
            if reusable and rng.random() < 0.2:
                cit = rng.choice(reusable)        # a citation shared with other claims
            else:
                cit = new_citation(rng.choice(profile['designs']), profile)
            used.add(cit['id'])
            evidence.append(make_link(rng, cit, profile))
        # Other reports of the participants of linked studies: mostly with the same
        # stance, sometimes the other one, sometimes joined through an unlinked report.
        for link in list(evidence):
            if rng.random() >= profile['p_companion'] or by_id[link['citation']]['design'] in OPINION:
                continue
            target = link['citation']
            if rng.random() < 0.25:
                target = new_citation(rng.choice(EMPIRICAL), profile, target)['id']
            design = by_id[link['citation']]['design'] if rng.random() < 0.5 else rng.choice(EMPIRICAL)
            companion = new_citation(design, profile, target)
            stance = link['stance'] if rng.random() < 0.7 else rng.choice(['supports', 'refutes'])
            evidence.append(new_link(companion, profile, stance))
        # Reviews that pooled linked studies (and at times a review of reviews).
        if rng.random() < profile['p_pool']:
            reviews = [l for l in evidence if by_id[l['citation']]['design'] == 'systematic_review']
            if not reviews or rng.random() < 0.3:
                review = new_citation('systematic_review', profile)
                reviews.append(new_link(review, profile, rng.choice(['supports', 'refutes', 'supports'])))
                evidence.append(reviews[-1])
            for r in reviews:
                review = by_id[r['citation']]
                for other in evidence:
                    if other is not r and rng.random() < 0.6:
                        samples.include(review, other['citation'])
                if citations and rng.random() < 0.2:
                    samples.include(review, rng.choice(citations)['id'])   # a study no link names
            if rng.random() < 0.3:
                umbrella = new_citation('systematic_review', profile)
                if samples.include(umbrella, rng.choice(reviews)['citation']):
                    evidence.append(new_link(umbrella, profile, rng.choice(['supports', 'refutes'])))
        claim = {'id': f'claim-{i:04d}' if i % 3 else f'c{i}.{rng.choice(WORDS)}_{i}',
                 'statement': f'{words(rng, 5).capitalize()} causes {words(rng, 2)}.'}
        if rng.random() < 0.3:
            claim['aliases'] = [words(rng, 4) for _ in range(rng.randint(1, 2))]
        if rng.random() < 0.4:
            claim['tags'] = rng.sample(WORDS, rng.randint(1, 3))
        if citations and rng.random() < 0.3:
            claim['asserted_by'] = [{'citation': c['id'], 'quote': words(rng, 6)}
                                    for c in rng.sample(citations, min(len(citations), rng.randint(1, 2)))]
        if evidence or rng.random() < 0.5:
            claim['evidence'] = evidence
        if i > 1 and rng.random() < 0.3:
            premises = [i - 1] if rng.random() < 0.5 else []          # chains
            premises += rng.sample(range(1, i), min(i - 1, rng.choice([1, 1, 1, 2, 3])))
            claim['depends_on'] = list(dict.fromkeys(claims[p - 1]['id'] for p in premises))
        if rng.random() < 0.1:
            claim['notes'] = words(rng, 6)
        claims.append(claim)
    return claims, citations


def write_records(rng, root, records, ext_name):
    """Split records over files in nested dirs: some a single mapping, some a list."""
    i, part = 0, 0
    while i < len(records):
        size = rng.choice([1, 1, 2, 3, 5, 8])
        chunk = records[i:i + size]
        i += size
        part += 1
        folder = root.joinpath(*rng.choice([[], [], ['a'], ['a', 'b'], ['z'], ['deep', 'er', 'still']]))
        folder.mkdir(parents=True, exist_ok=True)
        data = chunk[0] if len(chunk) == 1 and rng.random() < 0.6 else chunk
        path = folder / f'{ext_name}-{part:03d}.{rng.choice(["yaml", "yml"])}'
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100),
                        encoding='utf-8')


def write_kb(out_dir, seed, n_claims):
    out = pathlib.Path(out_dir)
    for sub in ('claims', 'citations'):
        if out.joinpath(sub).exists():
            raise SystemExit(f'gen_kb.py: {out / sub} already exists; give an empty OUT_DIR')
    claims, citations = generate(seed, n_claims)
    rng = random.Random(f'files-{seed}')
    write_records(rng, out / 'citations', citations, 'citations')
    write_records(rng, out / 'claims', claims, 'claims')
    out.joinpath('claims').mkdir(parents=True, exist_ok=True)
    out.joinpath('citations').mkdir(parents=True, exist_ok=True)
    return claims, citations


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('out_dir')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--claims', type=int, default=50)
    args = ap.parse_args(argv)
    write_kb(args.out_dir, args.seed, args.claims)
    return 0


if __name__ == '__main__':
    sys.exit(main())
