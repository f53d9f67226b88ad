"""A story saved twice or carried by two sites is a near-duplicate of its earliest copy; other stories are not."""

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from datasketch import MinHash
from datasketch.hashfunc import sha1_hash32

from pipeline.neardup import (
    SCHEME,
    SEED,
    NearDupParams,
    near_duplicates,
    shingle_hashes,
    shingles_of,
    signature,
    words_of,
)

ROOT = Path(__file__).resolve().parent.parent
PARAMS = NearDupParams()

STORY = """Le ministère de l'Agriculture a lancé mardi à Dosso une campagne de distribution de semences améliorées de mil et de niébé destinée à 12 000 producteurs de la région.

Selon le directeur régional, Issoufou Garba, chaque exploitant recevra un sac de vingt-cinq kilogrammes ainsi qu'une dose d'engrais, contre une participation symbolique de 2 500 francs CFA. « Nous voulons que les paysans sèment avant les premières pluies utiles », a-t-il expliqué devant les chefs de village réunis à la préfecture.

Les semences proviennent de la station de recherche de Maradi, qui a multiplié cette année des variétés plus précoces, capables de boucler leur cycle en soixante-dix jours. Les agents de vulgarisation suivront les parcelles jusqu'à la récolte et noteront les rendements obtenus.

La campagne précédente avait été retardée par des difficultés de transport. Cette fois, une vingtaine de camions ont été mobilisés et les points de distribution ont été rapprochés des communes rurales. Les producteurs qui n'auront pas été servis à la fin du mois pourront s'inscrire auprès de leur mairie."""

# Same topic, some shared phrases ("semences améliorées", "premières pluies utiles"), another story
OTHER_STORY = """À Tahoua, la campagne agricole s'ouvre dans l'inquiétude : les pluies tardent et les réserves de fourrage s'épuisent. Le ministère de l'Agriculture a annoncé une distribution de semences améliorées, mais les éleveurs réclament d'abord des aliments pour le bétail.

« Nos animaux maigrissent depuis deux mois », raconte Aïchatou Moussa, éleveuse à Kalfou, qui a déjà vendu trois chèvres pour nourrir sa famille. Dans les marchés de la zone, le prix du sac de son a doublé depuis le début de l'année.

Le gouverneur a réuni lundi les services techniques et les organisations paysannes pour dresser un état des lieux. Un plan d'urgence prévoit la vente à prix modéré de tourteaux et l'ouverture de deux points d'eau supplémentaires sur les couloirs de transhumance.

Les agents de vulgarisation recommandent aux producteurs d'attendre les premières pluies utiles avant de semer, afin de ne pas perdre leurs semences."""

BRIEF = "Le marché central de Dosso rouvre lundi après trois jours de fermeture, annonce la mairie."


def _respaced(text: str) -> str:
    """The same words with other line breaks, spacing, quotes and apostrophes."""
    text = text.replace("\n\n", "\n").replace(". ", ".\n").replace(", ", " ,  ")
    return text.replace("« ", '"').replace(" »", '"').replace("'", "\u2019")


def _other_site(text: str) -> str:
    """The story under another site's masthead line, one sentence reworded and one dropped."""
    text = text.replace(
        "contre une participation symbolique de 2 500 francs CFA", "moyennant une participation de 2 500 francs CFA"
    )
    text = text.replace("La campagne précédente avait été retardée par des difficultés de transport. ", "")
    return "DossoInfo.net | Économie - Agriculture\n\n" + text


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("L’État « investit »", ["l", "état", "investit"]),
        ("l'état\n\"INVESTIT\"", ["l", "état", "investit"]),
        ("12\u202f000 francs\u00a0CFA", ["12", "000", "francs", "cfa"]),
        ("la ﬁlière coton—bilan", ["la", "filière", "coton", "bilan"]),
        ("… — !", []),
    ],
)
def test_words_fold_case_width_and_punctuation(text, words):
    assert words_of(text) == words


def test_stories_are_long_enough_for_the_default_params():
    assert 60 <= len(words_of(OTHER_STORY)) < len(words_of(STORY)) <= 200


def test_the_signature_ignores_spacing_and_quotes():
    assert np.array_equal(signature(STORY, PARAMS).hashvalues, signature(_respaced(STORY), PARAMS).hashvalues)
    assert not np.array_equal(signature(STORY, PARAMS).hashvalues, signature(OTHER_STORY, PARAMS).hashvalues)


def test_the_same_text_with_other_spacing_and_quotes_is_a_duplicate():
    assert _respaced(STORY) != STORY
    assert near_duplicates(["a", "b"], [STORY, _respaced(STORY)], PARAMS) == {"b": "a"}


def test_the_same_story_on_another_site_is_a_duplicate():
    assert near_duplicates(["a", "b"], [_other_site(STORY), STORY], PARAMS) == {"b": "a"}


def test_another_story_on_the_same_topic_is_not_a_duplicate():
    assert near_duplicates(["a", "b"], [STORY, OTHER_STORY], PARAMS) == {}


def test_a_lower_threshold_does_not_merge_other_stories():
    assert near_duplicates(["a", "b"], [STORY, OTHER_STORY], NearDupParams(threshold=0.3)) == {}


def test_short_texts_are_never_near_duplicates():
    longer = BRIEF.replace("la mairie.", "la mairie dimanche.")
    assert near_duplicates(["a", "b"], [BRIEF, longer], PARAMS) == {}
    # what keeps them apart is their length alone
    assert near_duplicates(["a", "b"], [BRIEF, longer], NearDupParams(min_words=5)) == {"b": "a"}


def test_short_texts_with_the_very_same_words_are_duplicates():
    assert near_duplicates(["a", "b", "c"], [BRIEF, _respaced(BRIEF), "…"], PARAMS) == {"b": "a"}


def test_texts_without_words_are_never_duplicates():
    assert near_duplicates(["a", "b", "c"], ["", "— …", ""], PARAMS) == {}


def test_later_copies_point_to_the_earliest():
    found = near_duplicates(["m", "c", "k"], [_respaced(STORY), _other_site(STORY), STORY], PARAMS)
    assert found == {"k": "c", "m": "c"}


def test_a_copy_of_a_copy_that_drifted_too_far_is_an_original():
    """B is like A and C like B, but C is not like A: C does not point to A, nor to B, a near-duplicate."""
    first = STORY
    second = first.replace(
        "« Nous voulons que les paysans sèment avant les premières pluies utiles », a-t-il expliqué",
        "« Il faut semer avant les premières pluies utiles », a-t-il insisté",
    ).replace("plus précoces", "plus hâtives")
    third = second.replace(
        "Cette fois, une vingtaine de camions ont été mobilisés", "Cette année, trente camions ont été loués"
    ).replace("pourront s'inscrire auprès de leur mairie", "seront servis lors d'une seconde tournée")
    params = NearDupParams(threshold=0.75)
    assert near_duplicates(["a", "b"], [first, second], params) == {"b": "a"}
    assert near_duplicates(["b", "c"], [second, third], params) == {"c": "b"}
    assert near_duplicates(["a", "c"], [first, third], params) == {}
    assert near_duplicates(["a", "b", "c"], [first, second, third], params) == {"b": "a"}


def _corpus() -> tuple[list[str], list[str]]:
    doc_ids = ["d05", "d01", "d03", "d02", "d04", "d06", "d07"]
    texts = [STORY, _other_site(STORY), OTHER_STORY, _respaced(OTHER_STORY), BRIEF, _respaced(BRIEF), _respaced(STORY)]
    return doc_ids, texts


def test_the_order_of_the_inputs_does_not_matter():
    doc_ids, texts = _corpus()
    expected = near_duplicates(doc_ids, texts, PARAMS)
    assert expected == {"d03": "d02", "d05": "d01", "d06": "d04", "d07": "d01"}
    for seed in range(5):
        pairs = list(zip(doc_ids, texts))
        random.Random(seed).shuffle(pairs)
        shuffled_ids, shuffled_texts = zip(*pairs)
        assert near_duplicates(list(shuffled_ids), list(shuffled_texts), PARAMS) == expected


def test_two_calls_give_the_same_result():
    doc_ids, texts = _corpus()
    assert near_duplicates(doc_ids, texts, PARAMS) == near_duplicates(doc_ids, texts, PARAMS)


_CHILD = """
import json, sys
from pipeline.neardup import NearDupParams, near_duplicates, signature
doc_ids, texts = json.load(open(sys.argv[1], encoding="utf-8"))
params = NearDupParams()
print(json.dumps({
    "found": near_duplicates(doc_ids, texts, params),
    "signatures": [signature(text, params).hashvalues.tolist() for text in texts],
}, sort_keys=True))
"""


@pytest.mark.parametrize("hash_seed", ["0", "4242"])
def test_another_process_with_another_hash_seed_gives_the_same_result(tmp_path, hash_seed):
    doc_ids, texts = _corpus()
    inputs = tmp_path / "inputs.json"
    inputs.write_text(json.dumps([doc_ids, texts]), encoding="utf-8")
    env = dict(os.environ, PYTHONHASHSEED=hash_seed)
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(inputs)], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert json.loads(child.stdout) == {
        "found": near_duplicates(doc_ids, texts, PARAMS),
        "signatures": [signature(text, PARAMS).hashvalues.tolist() for text in texts],
    }


def test_mismatched_inputs_are_a_bug():
    with pytest.raises(ValueError, match="2 doc_ids for 1 texts"):
        near_duplicates(["a", "b"], [STORY], PARAMS)
    with pytest.raises(ValueError, match="unique"):
        near_duplicates(["a", "a"], [STORY, OTHER_STORY], PARAMS)


def _datasketch_signature(text: str, num_perm: int = PARAMS.num_perm) -> np.ndarray:
    """The signature as datasketch computes it from the set of shingles, with its own SHA-1 hash function."""
    reference = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    reference.update_batch(shingles_of(words_of(text), PARAMS.shingle_words))
    return reference.hashvalues


@pytest.mark.parametrize("words", [0, 1, 4, 5, 6, 40, None])
def test_shingles_hashed_in_bulk_give_datasketch_signature(words):
    # a repeated sentence repeats shingles, which the set of shingles holds once
    text = " ".join((STORY + " " + STORY.split(".")[0]).split()[:words])
    assert np.array_equal(signature(text, PARAMS).hashvalues, _datasketch_signature(text))
    expected = sorted({sha1_hash32(s) for s in shingles_of(words_of(text), PARAMS.shingle_words)})
    assert sorted(set(shingle_hashes(words_of(text), PARAMS.shingle_words))) == expected


@pytest.mark.parametrize("num_perm", [1, 16, 128, 256])
def test_signature_is_datasketch_minhash_for_any_number_of_permutations(num_perm):
    params = NearDupParams(num_perm=num_perm)
    for text in (STORY, OTHER_STORY, "", "un deux"):
        ours = signature(text, params).hashvalues
        assert ours.dtype == np.uint32
        assert np.array_equal(ours, _datasketch_signature(text, num_perm))


def test_a_text_longer_than_one_chunk_gets_the_minimum_over_every_chunk(monkeypatch):
    import pipeline.neardup as neardup

    text = " ".join(f"mot{i}" for i in range(300))
    whole = signature(text, PARAMS).hashvalues
    monkeypatch.setattr(neardup, "MINHASH_CHUNK", 7)
    assert np.array_equal(signature(text, PARAMS).hashvalues, whole)
    assert np.array_equal(whole, _datasketch_signature(text))


def _drifting_corpus(seed: int) -> tuple[list[str], list[str]]:
    """Stories, each followed by copies with a few more words changed each time."""
    rng = random.Random(seed)
    vocabulary = [f"mot{i}" for i in range(400)]
    doc_ids, texts = [], []
    for story in range(12):
        words = [rng.choice(vocabulary) for _ in range(60)]
        for copy in range(5):
            doc_ids.append(f"s{story:02d}c{copy}")
            texts.append(" ".join(words))
            for _ in range(rng.randint(0, 4)):
                words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return doc_ids, texts


@pytest.mark.parametrize("seed", range(4))
def test_skipping_texts_that_share_no_band_changes_nothing(seed, monkeypatch):
    import pipeline.neardup as neardup

    doc_ids, texts = _drifting_corpus(seed)
    found = near_duplicates(doc_ids, texts, PARAMS)
    assert found  # the corpus holds near-duplicates to find
    monkeypatch.setattr(neardup, "_sharing", lambda values, bands, rows: np.ones(len(values), dtype=bool))
    assert near_duplicates(doc_ids, texts, PARAMS) == found


def test_a_signature_sharing_one_band_is_marked_and_a_lone_one_is_not():
    from pipeline.neardup import _sharing

    rng = np.random.default_rng(0)
    a, b, c = (rng.integers(0, 1 << 32, 20, dtype=np.uint64).astype(np.uint32) for _ in range(3))
    b[8:12] = a[8:12]  # the third band of 4 values agrees
    assert _sharing([a, b, c], 5, 4).tolist() == [True, True, False]
    assert _sharing([a, b, c], 2, 4).tolist() == [False, False, False]
    assert _sharing([a], 5, 4).tolist() == [False]
