#!/usr/bin/python3
"""Hand-checked cases for the oracle; run `/usr/bin/python3 -m unittest` from tests/oracle.

Every expected verdict is worked out by hand from docs/grading.md and docs/grading.md; the
comment beside each shows the arithmetic. Levels: 4 high, 3 moderate, 2 low, 1 very_low.
"""
import pathlib
import re
import tempfile
import textwrap
import unittest

import gen_kb
import grade_oracle as g


def cit(cid, design, n=None, rob=None, of=None, retracted=False, same_sample_as=None, includes=None):
    c = {'id': cid, 'design': design, 'title': 'T.', 'authors': ['Smith A'], 'year': 2000, 'journal': 'BMJ'}
    if same_sample_as:
        c['same_sample_as'] = same_sample_as
    if includes:
        c['includes'] = includes
    if n is not None:
        c['n'] = n
    if rob:
        c['risk_of_bias'] = rob
    if of:
        c['of'] = of
    if retracted:
        c['retracted'] = {'date': '2020-01-01', 'notice': '10.1/x'}
    return c


def link(citation, stance, **kw):
    return {'citation': citation, 'stance': stance, 'finding': 'F.', **kw}


def claim(cid, *links, depends_on=None):
    c = {'id': cid, 'statement': 'S.', 'evidence': list(links)}
    if depends_on:
        c['depends_on'] = depends_on
    return c


SUP, REF = 'supports', 'refutes'


class OracleCase(unittest.TestCase):
    def check(self, citations, claims, expected):
        got = g.as_json(g.grade_all(claims, citations))
        want = {cid: {'verdict': v, 'certainty': c} for cid, (v, c) in expected.items()}
        self.assertEqual({cid: got[cid] for cid in want}, want)


class Downgrades(OracleCase):
    def test_imprecision(self):
        cits = [cit('r100', 'rct', 100), cit('r112', 'rct', 112), cit('r200a', 'rct', 200),
                cit('r200b', 'rct', 200), cit('rnone', 'rct')]
        self.check(cits, [
            # 2 RCTs, total n 212 < 400 -> 4-1 = 3; one body -> supported/moderate
            claim('a', link('r100', SUP), link('r112', SUP)),
            # 2 RCTs, total n 400, not < 400 -> 4; supported/high
            claim('b', link('r200a', SUP), link('r200b', SUP)),
            # 1 RCT with no n: counts 0 < 400 -> 3; refuted/moderate
            claim('c', link('rnone', REF)),
        ], {'a': ('supported', 'moderate'), 'b': ('supported', 'high'), 'c': ('refuted', 'moderate')})

    def test_risk_of_bias(self):
        cits = [cit('hi1', 'rct', 500, 'high'), cit('hi2', 'rct', 500, 'high'), cit('lo', 'rct', 500, 'low'),
                cit('cr1', 'rct', 500, 'critical'), cit('cr2', 'rct', 500, 'critical'),
                cit('sc', 'rct', 500, 'some_concerns'), cit('un', 'rct', 500)]
        self.check(cits, [
            # high, high, low: 2/3 high-or-critical > half -> 4-1 = 3
            claim('a', link('hi1', SUP), link('hi2', SUP), link('lo', SUP)),
            # critical, critical, high: 2/3 critical > half -> 4-2 = 2
            claim('b', link('cr1', SUP), link('cr2', SUP), link('hi1', SUP)),
            # critical, low: 1/2 critical and 1/2 high-or-critical, neither > half -> 4
            claim('c', link('cr1', SUP), link('lo', SUP)),
            # critical, high, low, some_concerns: 2/4 high-or-critical, not > half -> 4
            claim('d', link('cr1', SUP), link('hi1', SUP), link('lo', SUP), link('sc', SUP)),
            # some_concerns, unclear (default): never count -> 4
            claim('e', link('sc', SUP), link('un', SUP)),
            # link overrides low / some_concerns -> critical, 2/2 critical -> 4-2 = 2
            claim('f', link('lo', REF, risk_of_bias='critical'), link('sc', REF, risk_of_bias='critical')),
            # link overrides critical -> low on both -> 4
            claim('g', link('cr1', REF, risk_of_bias='low'), link('cr2', REF, risk_of_bias='low')),
        ], {'a': ('supported', 'moderate'), 'b': ('supported', 'low'), 'c': ('supported', 'high'),
            'd': ('supported', 'high'), 'e': ('supported', 'high'), 'f': ('refuted', 'low'),
            'g': ('refuted', 'high')})

    def test_indirectness(self):
        cits = [cit('co1', 'cohort', 300), cit('co2', 'cohort', 300)]
        self.check(cits, [
            # 2 cohorts (tier 2), n 600, both indirect -> 2-1 = 1
            claim('a', link('co1', SUP, directness='indirect'), link('co2', SUP, directness='indirect')),
            # one indirect, one direct: not all -> 2 (no effect, no upgrade)
            claim('b', link('co1', SUP, directness='indirect'), link('co2', SUP, directness='direct')),
        ], {'a': ('supported', 'very_low'), 'b': ('supported', 'low')})

    def test_publication_bias_and_clamp(self):
        cits = [cit('r', 'rct', 500), cit('cs', 'case_series'), cit('crep', 'case_report', 50, 'critical')]
        self.check(cits, [
            # RCT n 500, publication bias suspected -> 4-1 = 3
            claim('a', link('r', SUP, publication_bias='suspected')),
            # case series (tier 1), no n -> 1-1 = 0 -> clamp 1
            claim('b', link('cs', SUP)),
            # case report: critical -2, indirect -1, n 50 -1, pub bias -1 -> 1-5 = -4 -> clamp 1
            claim('c', link('crep', REF, directness='indirect', publication_bias='suspected')),
        ], {'a': ('supported', 'moderate'), 'b': ('supported', 'very_low'), 'c': ('refuted', 'very_low')})


class Upgrades(OracleCase):
    def test_large_effect_and_dose_response(self):
        cits = [cit('coA', 'cohort', 500), cit('coB', 'cohort', 100), cit('coC', 'cohort', 500),
                cit('srM', 'systematic_review', 500, of='mixed'), cit('lab', 'laboratory', 500)]
        self.check(cits, [
            # cohorts n 600, no downgrade; effects large + very_large: all >= large -> 2+1 = 3
            claim('a', link('coA', SUP, effect='large'), link('coB', SUP, effect='very_large')),
            # all very_large +2, dose-response +1 -> 2+3 = 5 -> clamp 4
            claim('b', link('coA', SUP, effect='very_large', dose_response=True),
                  link('coC', SUP, effect='very_large')),
            # n 100 < 400 -> 2-1 = 1; a downgrade fired, so no upgrade -> 1
            claim('c', link('coB', SUP, effect='very_large', dose_response=True)),
            # large + missing effect (not large): no effect upgrade; dose-response +1 -> 3
            claim('d', link('coA', SUP, effect='large'), link('coC', SUP, dose_response=True)),
            # review of mixed starts moderate (3): no upgrades above low -> 3
            claim('e', link('srM', SUP, effect='very_large', dose_response=True)),
            # laboratory (tier 1), n 500, large -> 1+1 = 2
            claim('f', link('lab', REF, effect='large')),
            # moderate effect is not large; dose-response +1 -> 2+1 = 3
            claim('g', link('coA', REF, effect='moderate', dose_response=True)),
        ], {'a': ('supported', 'moderate'), 'b': ('supported', 'high'), 'c': ('supported', 'very_low'),
            'd': ('supported', 'moderate'), 'e': ('supported', 'moderate'), 'f': ('refuted', 'low'),
            'g': ('refuted', 'moderate')})


class CountingAndTiers(OracleCase):
    def test_best_tier_opinion_neutral_retracted(self):
        cits = [cit('r50', 'rct', 50), cit('coBig', 'cohort', 5000), cit('crep', 'case_report', 10),
                cit('retr', 'rct', 1000, retracted=True), cit('guide', 'guideline'),
                cit('opin', 'expert_opinion'), cit('srObs', 'systematic_review', 2000, of='observational'),
                cit('srRand', 'systematic_review', 90, of='randomized')]
        self.check(cits, [
            # best tier 4: only the RCT is rated, n 50 -> 4-1 = 3 (cohort, case report listed only)
            claim('a', link('r50', SUP), link('coBig', SUP), link('crep', SUP)),
            # retracted RCT not counted -> best tier is the cohort (2), n 5000 -> 2
            claim('b', link('retr', SUP), link('coBig', SUP)),
            # opinion sources and a neutral RCT: nothing counted -> insufficient
            claim('c', link('guide', SUP), link('opin', REF), link('r50', 'neutral')),
            # review of observational starts low (2) = cohort's tier: n 7000 -> 2
            claim('d', link('srObs', SUP), link('coBig', SUP)),
            # review of randomized, indirect: tier 4 -1 indirect -1 n 90 -> 2
            claim('e', link('srRand', REF, directness='indirect')),
            # only a retracted RCT refutes and a guideline supports -> insufficient
            claim('f', link('retr', REF), link('guide', SUP)),
            # no evidence key at all -> insufficient
            {'id': 'g', 'statement': 'S.'},
        ], {'a': ('supported', 'moderate'), 'b': ('supported', 'low'), 'c': ('insufficient', None),
            'd': ('supported', 'low'), 'e': ('refuted', 'low'), 'f': ('insufficient', None),
            'g': ('insufficient', None)})


class Reported(OracleCase):
    def test_reported_certainty_and_domains(self):
        cits = [cit('r1', 'rct', 50), cit('r2', 'rct', 50), cit('co', 'cohort', 500),
                cit('srR', 'systematic_review', 3000, of='randomized'), cit('crep', 'case_report', 5),
                cit('co2', 'cohort', 20)]
        self.check(cits, [
            # r1 reported low (2) alone; group {r2}: n 50 -> 3; body max(2, 3) = 3
            claim('a', link('r1', SUP, reported_certainty='low'), link('r2', SUP)),
            # r1 reported high (4); group {r2} 3 (r1's n is not in the group); max 4
            claim('b', link('r1', SUP, reported_certainty='high'), link('r2', SUP)),
            # cohort domains: imprecision serious -1, large_effect +2 -> 2-1+2 = 3
            claim('c', link('co', SUP, reported_domains={'imprecision': 'serious', 'large_effect': 2})),
            # both, disagreeing: domains 4-1 = 3, reported low (2) stands -> 2
            claim('d', link('srR', SUP, reported_certainty='low',
                            reported_domains={'risk_of_bias': 'serious'})),
            # domains upgrade on an RCT, whatever the tier: 4+1 = 5 -> clamp 4
            claim('e', link('r1', REF, reported_domains={'large_effect': 1})),
            # case report domains very_serious: 1-2 = -1 -> clamp 1
            claim('f', link('crep', REF, reported_domains={'imprecision': 'very_serious'})),
            # reported high on a cohort stands even above its tier -> 4
            claim('g', link('co2', REF, reported_certainty='high')),
            # reported very_low; group {co} n 500 -> 2; max 2
            claim('h', link('co2', SUP, reported_certainty='very_low'), link('co', SUP)),
            # reported link on a lower tier is not rated: RCT r2 n 50 -> 3 (cohort's "high" ignored)
            claim('i', link('r2', SUP), link('co', SUP, reported_certainty='high')),
            # both, agreeing: 4-1 = 3 = moderate -> 3
            claim('j', link('srR', REF, reported_certainty='moderate',
                            reported_domains={'inconsistency': 'serious'})),
            # two reported links, no group: low (2) and 4-2+1 = 3 -> max 3
            claim('k', link('r1', SUP, reported_certainty='low'),
                  link('r2', SUP, reported_domains={'risk_of_bias': 'very_serious', 'dose_response': 1})),
            # reported moderate (3) on an indirect link: -1 -> 2
            claim('l', link('srR', REF, reported_certainty='moderate', directness='indirect')),
            # domains 4-1 = 3 on an indirect link: -1 -> 2
            claim('m', link('r1', SUP, reported_domains={'imprecision': 'serious'}, directness='indirect')),
            # reported very_low on an indirect link: 1-1 = 0 -> clamp 1
            claim('n', link('r2', REF, reported_certainty='very_low', directness='indirect')),
            # reported high, indirect -1 = 3; group {r2} direct, n 50 -> 3; max 3
            claim('o', link('r1', SUP, reported_certainty='high', directness='indirect'), link('r2', SUP)),
        ], {'a': ('supported', 'moderate'), 'b': ('supported', 'high'), 'c': ('supported', 'moderate'),
            'd': ('supported', 'low'), 'e': ('refuted', 'high'), 'f': ('refuted', 'very_low'),
            'g': ('refuted', 'high'), 'h': ('supported', 'low'), 'i': ('supported', 'moderate'),
            'j': ('refuted', 'moderate'), 'k': ('supported', 'moderate'), 'l': ('refuted', 'low'),
            'm': ('supported', 'low'), 'n': ('refuted', 'very_low'), 'o': ('supported', 'moderate')})


class Direction(OracleCase):
    def test_direction(self):
        cits = [cit(f'R{i}', 'rct', 500) for i in range(1, 6)] + [
            cit('co1', 'cohort', 500), cit('co2', 'cohort', 500), cit('co3', 'cohort', 500),
            cit('srM', 'systematic_review', 500, of='mixed'),
            cit('cs1', 'case_report'), cit('cs2', 'case_report'), cit('cs3', 'case_report'),
            cit('Rx', 'rct', 500, retracted=True)]
        self.check(cits, [
            # S 4, R 2: S >= R+2 -> supported at 4
            claim('a', link('R1', SUP), link('co1', REF)),
            # S 1 (case report, n 0: 1-1 -> clamp 1), R 4: R >= S+2 -> refuted at 4
            claim('b', link('cs1', SUP), link('R1', REF)),
            # S 4, R 3 (review of mixed, n 500): S = R+1 -> supported at 3
            claim('c', link('R1', SUP), link('srM', REF)),
            # S 2, R 3: R = S+1 -> refuted at 2
            claim('d', link('co1', SUP), link('srM', REF)),
            # S 4 (2 links, n 1000), R 4 (1 link): 2 >= 2*1 and >= 2 -> supported at 3
            claim('e', link('R1', SUP), link('R2', SUP), link('R3', REF)),
            # S 4 (1 link), R 4 (1 link) -> mixed at 3
            claim('f', link('R1', SUP), link('R2', REF)),
            # S 4 (3 links), R 4 (2 links): 3 < 4 -> mixed at 3
            claim('g', link('R1', SUP), link('R2', SUP), link('R3', SUP), link('R4', REF), link('R5', REF)),
            # S 1 (2 case reports, n 0 -> 0 -> 1), R 1 (1 case report): tie, 2 >= 2 -> supported at max(1, 0) = 1
            claim('h', link('cs1', SUP), link('cs2', SUP), link('cs3', REF)),
            # S: R1 group 4 + R2 reported high 4 = 2 rated links; R 4 (1) -> supported at 3
            claim('i', link('R1', SUP), link('R2', SUP, reported_certainty='high'), link('R3', REF)),
            # S 2 (1 cohort), R 2 (2 cohorts n 1000): 2 >= 2*1 -> refuted at 1
            claim('j', link('co1', SUP), link('co2', REF), link('co3', REF)),
            # S 2, R 1: S = R+1 -> supported at 1
            claim('k', link('co1', SUP), link('cs1', REF)),
            # S: RCT rated, cohort dropped (1 rated link) 4; R 4 (1) -> mixed at 3
            claim('l', link('R1', SUP), link('co1', SUP), link('R2', REF)),
            # S: R1 + retracted Rx (not counted) = 1 link, 4; R 4 (1) -> mixed at 3
            claim('m', link('R1', SUP), link('Rx', SUP), link('R2', REF)),
            # S 3 (n 500 with pub bias) vs R 3 (review of mixed), 2 vs 1 -> supported at 2
            claim('n', link('R1', SUP, publication_bias='suspected'),
                  link('R2', SUP, publication_bias='suspected'), link('srM', REF)),
        ], {'a': ('supported', 'high'), 'b': ('refuted', 'high'), 'c': ('supported', 'moderate'),
            'd': ('refuted', 'low'), 'e': ('supported', 'moderate'), 'f': ('mixed', 'moderate'),
            'g': ('mixed', 'moderate'), 'h': ('supported', 'very_low'), 'i': ('supported', 'moderate'),
            'j': ('refuted', 'very_low'), 'k': ('supported', 'very_low'), 'l': ('mixed', 'moderate'),
            'm': ('mixed', 'moderate'), 'n': ('supported', 'low')})


class Participants(OracleCase):
    """grading.md §2: each group of participants counts once."""

    def test_includes_and_same_sample(self):
        cits = [cit('sr', 'systematic_review', 300, of='randomized', includes=['rct1']),
                cit('rct1', 'rct', 200), cit('rct1b', 'rct', 200, same_sample_as='rct1'),
                cit('srGone', 'systematic_review', 3000, of='randomized', includes=['rct2'], retracted=True),
                cit('rct2', 'rct', 200),
                cit('umb', 'systematic_review', 350, of='randomized', includes=['sr2']),
                cit('sr2', 'systematic_review', 200, of='randomized', includes=['rct3']), cit('rct3', 'rct', 200),
                cit('coA', 'cohort', 300), cit('coB', 'cohort', 250, same_sample_as='coA'),
                cit('coC', 'cohort', 50, same_sample_as='coB'),
                cit('trial', 'rct', 100), cit('reg', 'cohort', 5000, same_sample_as='trial'),
                cit('x', 'cohort', 500), cit('x2', 'cohort', 100, same_sample_as='x'),
                cit('y', 'cohort', 500, same_sample_as='x'),
                cit('hub', 'cohort', 10), cit('p', 'cohort', 300, same_sample_as='hub'),
                cit('q', 'cohort', 200, same_sample_as='hub')]
        self.check(cits, [
            # rct1 in sr's includes, same stance: sr alone, n 300 -> 3 (both: n 500 -> 4)
            claim('a', link('sr', SUP), link('rct1', SUP)),
            # opposite stances both count: S 3 (sr), R 3 (rct1, n 200) -> tie 1:1 -> mixed at 2
            claim('b', link('sr', SUP), link('rct1', REF)),
            # rct1b reports rct1's participants, which sr pooled: sr alone -> 3
            claim('c', link('sr', SUP), link('rct1b', SUP)),
            # a retracted review sets nothing aside: rct2 alone, n 200 -> 3 (else insufficient)
            claim('d', link('srGone', SUP), link('rct2', SUP)),
            # a neutral review sets nothing aside: rct1 alone, n 200 -> 3
            claim('e', link('sr', 'neutral'), link('rct1', REF)),
            # sr2 in umb, rct3 in sr2 (set aside itself, still pools): umb alone, n 350 -> 3
            claim('f', link('rct3', REF), link('sr2', REF), link('umb', REF)),
            # chain coC -> coB -> coA, one stance: coA (largest n) alone, 300 -> 2-1 = 1
            claim('g', link('coB', SUP), link('coC', SUP), link('coA', SUP)),
            # the tier before n: trial (4), n 100 -> 3 (reg would give 2)
            claim('h', link('reg', REF), link('trial', REF)),
            # x and x2 support (x counts, n 500 -> 2), y refutes (n 500 -> 2): tie 1:1 -> mixed at 1
            claim('i', link('x', SUP), link('y', REF), link('x2', SUP)),
            # p and q joined through hub, not linked: p alone (n 300) -> 1 (both: n 500 -> 2)
            claim('j', link('p', SUP), link('q', SUP)),
        ], {'a': ('supported', 'moderate'), 'b': ('mixed', 'low'), 'c': ('supported', 'moderate'),
            'd': ('supported', 'moderate'), 'e': ('refuted', 'moderate'), 'f': ('refuted', 'moderate'),
            'g': ('supported', 'very_low'), 'h': ('refuted', 'moderate'), 'i': ('mixed', 'very_low'),
            'j': ('supported', 'very_low')})

    def test_ties_and_missing_n(self):
        cits = [cit('a', 'rct'), cit('b', 'rct', 0, same_sample_as='a'), cit('c', 'rct', 10, same_sample_as='a')]
        self.check(cits, [
            # a (missing n: 0) and b (0) tie; c has n 10 and counts: n 10 -> 3
            claim('k', link('a', SUP), link('b', SUP), link('c', SUP)),
            # b and a tie on tier and n: b, listed first, counts; n 0 -> 3
            claim('l', link('b', REF), link('a', REF)),
        ], {'k': ('supported', 'moderate'), 'l': ('refuted', 'moderate')})


class Premises(OracleCase):
    def test_premises(self):
        cits = [cit('R', 'rct', 500), cit('R2', 'rct', 500), cit('co', 'cohort', 500),
                cit('srM', 'systematic_review', 500, of='mixed'), cit('guide', 'guideline')]
        premises = [
            claim('p-high', link('R', SUP)),                      # supported/high
            claim('p-ref-low', link('co', REF)),                  # refuted/low (2)
            claim('p-ref-high', link('R2', REF)),                 # refuted/high
            claim('p-ins'),                                       # insufficient
            claim('p-mod', link('srM', SUP)),                     # supported/moderate (3)
            claim('p-mixed', link('R', SUP), link('R2', REF)),    # tie 1:1 -> mixed/moderate
        ]
        dependents = [
            # own supported/high, premise high -> high
            claim('a', link('R2', SUP), depends_on=['p-high']),
            # own supported/high, capped by moderate premise -> moderate
            claim('b', link('R2', SUP), depends_on=['p-mod']),
            # premise refuted/low -> refuted at low
            claim('c', link('R2', SUP), depends_on=['p-ref-low']),
            # insufficient premise caps at very low
            claim('d', link('R2', SUP), depends_on=['p-ins']),
            # no own evidence, premise supported -> stays insufficient
            claim('e', depends_on=['p-high']),
            # no own evidence, premise refuted/low -> refuted/low
            claim('f', depends_on=['p-ref-low']),
            # own refuted/high, premise refuted/low -> refuted at the premise's low (literal)
            claim('g', link('R', REF), depends_on=['p-ref-low']),
            # own refuted/high is never capped by a moderate premise -> high
            claim('h', link('R', REF), depends_on=['p-mod']),
            # own mixed/moderate, premises moderate and insufficient -> capped at 1
            claim('i', link('R', SUP), link('R2', REF), depends_on=['p-mod', 'p-ins']),
            # chain: premise c is refuted/low -> refuted/low
            claim('j', depends_on=['c']),
            # chain: premise b is supported/moderate -> own high capped to moderate
            claim('k', link('R', SUP), depends_on=['b']),
            # two refuted premises (low, high) -> refuted at the highest, high
            claim('l', link('R', SUP), depends_on=['p-ref-low', 'p-ref-high']),
            # mixed/moderate premise caps at moderate
            claim('m', link('R', SUP), depends_on=['p-mixed']),
            # own refuted/high with an insufficient premise: not capped -> high
            claim('n', link('R', REF), depends_on=['p-ins']),
            # only opinion evidence, supported premise -> insufficient
            claim('o', link('guide', SUP), depends_on=['p-mod']),
            # chain q3 -> q2 -> q1: q1 cohort supported/low; q2 own high capped to low; q3 likewise low
            claim('q3', link('R', SUP), depends_on=['q2']),
            claim('q2', link('R2', SUP), depends_on=['q1']),
            claim('q1', link('co', SUP)),
        ]
        # dependents are listed before their premises: the order must not matter
        self.check(cits, dependents + premises, {
            'p-mixed': ('mixed', 'moderate'),
            'a': ('supported', 'high'), 'b': ('supported', 'moderate'), 'c': ('refuted', 'low'),
            'd': ('supported', 'very_low'), 'e': ('insufficient', None), 'f': ('refuted', 'low'),
            'g': ('refuted', 'low'), 'h': ('refuted', 'high'), 'i': ('mixed', 'very_low'),
            'j': ('refuted', 'low'), 'k': ('supported', 'moderate'), 'l': ('refuted', 'high'),
            'm': ('supported', 'moderate'), 'n': ('refuted', 'high'), 'o': ('insufficient', None),
            'q1': ('supported', 'low'), 'q2': ('supported', 'low'), 'q3': ('supported', 'low')})


class Loading(unittest.TestCase):
    def test_files_at_any_depth_single_or_list(self):
        files = {
            'citations/a.yaml': """
                - id: "1988"
                  design: rct
                  title: T.
                  authors: [Smith A]
                  year: 1988
                  journal: BMJ
                  n: 250
                - id: no
                  design: cohort
                  title: T.
                  authors: []
                  year: 2001
                  publisher: NICE
                  n: 500
                """,
            'citations/x/y/b.yml': """
                id: rev.1
                design: systematic_review
                of: randomized
                title: T.
                authors: [Smith A]
                year: 2010
                journal: BMJ
                n: 1000
                retracted: {date: 2012-01-01, notice: "10.1/r"}
                """,
            'claims/deep/c.yml': """
                id: c1
                statement: S.
                evidence:
                  - {citation: "1988", stance: supports, finding: F.}
                  - {citation: rev.1, stance: supports, finding: F.}
                """,
            'claims/d.yaml': """
                - id: c2
                  statement: S.
                  evidence:
                    - {citation: no, stance: refutes, finding: F., effect: large, dose_response: true}
                - id: c3
                  statement: S.
                  depends_on: [c1]
                  evidence:
                    - {citation: no, stance: supports, finding: F.,
                       reported_domains: {imprecision: serious, confounding: 1}}
                """,
            'claims/ignored.txt': 'not yaml',
        }
        with tempfile.TemporaryDirectory() as kb:
            for rel, text in files.items():
                path = pathlib.Path(kb, rel)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(textwrap.dedent(text))
            self.assertEqual(g.grade_kb(kb), {
                # retracted review not counted; RCT "1988" n 250 -> 4-1 = 3
                'c1': {'verdict': 'supported', 'certainty': 'moderate'},
                # cohort "no" n 500, large +1, dose-response +1 -> 4
                'c2': {'verdict': 'refuted', 'certainty': 'high'},
                # domains 2-1+1 = 2, then capped by c1 (moderate) -> low
                'c3': {'verdict': 'supported', 'certainty': 'low'},
            })


ID = re.compile(r'^[a-z0-9][a-z0-9._-]*$')
CITATION_KEYS = {'id', 'design', 'title', 'authors', 'year', 'journal', 'publisher', 'volume', 'issue',
                 'pages', 'article', 'pmid', 'pmcid', 'doi', 'url', 'n', 'of', 'risk_of_bias',
                 'retracted', 'same_sample_as', 'includes', 'abstract', 'notes'}
CLAIM_KEYS = {'id', 'statement', 'aliases', 'tags', 'asserted_by', 'evidence', 'depends_on', 'notes'}
LINK_KEYS = {'citation', 'stance', 'finding', 'directness', 'risk_of_bias', 'effect', 'dose_response',
             'publication_bias', 'reported_certainty', 'reported_domains', 'notes'}
DOMAINS = {**{k: {'serious', 'very_serious'} for k in gen_kb.DOWN_DOMAINS},
           **{k: {1, 2} for k in gen_kb.UP_DOMAINS}}


class Generator(unittest.TestCase):
    def assert_valid(self, claims, citations):
        ids = [r['id'] for r in claims + citations]
        self.assertEqual(len(ids), len(set(ids)))
        self.assertTrue(all(ID.match(i) for i in ids))
        cits = {c['id']: c for c in citations}
        for c in citations:
            self.assertLessEqual(set(c), CITATION_KEYS)
            self.assertLessEqual({'id', 'design', 'title', 'authors', 'year'}, set(c))
            self.assertIn(c['design'], g.TIERS.keys() | {'systematic_review'})
            self.assertEqual(('of' in c), c['design'] == 'systematic_review')
            self.assertEqual(('journal' in c) + ('publisher' in c), 1)
            self.assertIsInstance(c['year'], int)
            self.assertTrue(all(re.match(r'^\S.* [A-Z]+$', a) for a in c['authors']))
            self.assertIn(c.get('risk_of_bias', 'unclear'), gen_kb.ROB)
            if 'retracted' in c:
                self.assertEqual(set(c['retracted']), {'date', 'notice'})
            if 'same_sample_as' in c:
                self.assertIn(c['same_sample_as'], cits)
                self.assertNotEqual(c['same_sample_as'], c['id'])
            if 'includes' in c:
                self.assertEqual(c['design'], 'systematic_review')
                self.assertTrue(set(c['includes']) <= cits.keys() - {c['id']})
        self.assert_no_pooling_cycle(citations)
        for n, cl in enumerate(claims):
            self.assertLessEqual(set(cl), CLAIM_KEYS)
            earlier = {c['id'] for c in claims[:n]}
            self.assertLessEqual(set(cl.get('depends_on', [])), earlier)
            for a in cl.get('asserted_by', []):
                self.assertEqual(set(a), {'citation', 'quote'})
                self.assertIn(a['citation'], cits)
            for ln in cl.get('evidence', []):
                self.assertLessEqual(set(ln), LINK_KEYS)
                self.assertIn(ln['citation'], cits)
                self.assertIn(ln['stance'], ('supports', 'refutes', 'neutral'))
                for k, v in ln.get('reported_domains', {}).items():
                    self.assertIn(v, DOMAINS[k])

    def assert_no_pooling_cycle(self, citations):
        """docs/format.md: no review pools, through any chain, a review that pools it; a
        review pools what it includes and every other report of the same participants."""
        groups = g.sample_groups(citations)
        pooled = {c['id']: {x for x in groups if c.get('includes')
                            and groups[x] in {groups[i] for i in c['includes']}} - {c['id']}
                  for c in citations}
        state = {}

        def visit(cid):
            state[cid] = 'open'
            for nxt in pooled[cid]:
                self.assertNotEqual(state.get(nxt), 'open', f'pooling cycle through {cid} and {nxt}')
                if nxt not in state:
                    visit(nxt)
            state[cid] = 'done'

        for c in citations:
            if c['id'] not in state:
                visit(c['id'])

    def test_valid_deterministic_and_covering(self):
        g.FIRED.clear()
        links = set()
        for seed in range(1, 6):
            claims, citations = gen_kb.generate(seed, 80)
            self.assertEqual((claims, citations), gen_kb.generate(seed, 80))
            self.assert_valid(claims, citations)
            links |= {len(c.get('evidence', [])) for c in claims}
            with tempfile.TemporaryDirectory() as kb:
                gen_kb.write_kb(kb, seed, 80)
                files = [p for p in pathlib.Path(kb).rglob('*') if p.is_file()]
                self.assertTrue(any(len(p.relative_to(kb).parts) > 2 for p in files))
                self.assertTrue({p.suffix for p in files} == {'.yaml', '.yml'})
                # the oracle gives the same answers from disk (strings) as from memory
                self.assertEqual(g.grade_kb(kb), g.as_json(g.grade_all(claims, citations)))
        self.assertLessEqual(set(range(7)), links)
        every_rule = {'not-counted-neutral', 'not-counted-opinion', 'not-counted-retracted',
                      'lower-tier-dropped', 'reported-certainty', 'reported-domains',
                      'reported-both-agree', 'reported-both-disagree', 'reported-and-group', 'reported-indirect',
                      'rob-2', 'rob-1', 'indirectness', 'imprecision', 'publication-bias',
                      'large-effect+1', 'large-effect+2', 'dose-response+1', 'clamp-to-1', 'clamp-to-4',
                      'insufficient', 'one-body-supports', 'one-body-refutes', 'S>=R+2', 'R>=S+2',
                      'S=R+1', 'R=S+1', 'tie-supported', 'tie-refuted', 'tie-mixed',
                      'premise-refuted', 'premise-cap', 'premise-no-own-evidence',
                      'included-same-stance', 'included-through-same-sample', 'included-by-set-aside-review',
                      'not-set-aside-by-uncounted-review', 'included-opposite-stances',
                      'same-sample-set-aside', 'same-sample-by-tier', 'same-sample-by-n', 'same-sample-by-order',
                      'same-sample-through-a-chain', 'same-sample-opposite-stances'}
        self.assertEqual(every_rule - set(g.FIRED), set(), dict(g.FIRED))


if __name__ == '__main__':
    unittest.main()
