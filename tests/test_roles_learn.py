"""The learned role tagger: its pure parts (text repair, BIO labels, span decoding, entity
grouping) without a model, then the shipped model on a short text written for this test."""

from __future__ import annotations

import json

import pytest

from shardwatch.learn.spans import (
    Candidate, bio_labels, decode_spans, entities, normalize, parenthetical_aliases, posterior_spans, same_entity,
    span_text, untitled,
)
from shardwatch.learn.text import model_text, repair_glued


def test_repair_glued_splits_headline_and_paragraph_joins():
    text = "Bomb kills two in KabulThe attack came at noon, police said.A second blast followed."
    assert repair_glued(text) == "Bomb kills two in Kabul\nThe attack came at noon, police said.\nA second blast followed."


def test_repair_glued_breaks_wiki_headings_and_bullets():
    text = "A bomb went off in the square.==Victims==Nine people died.*2015 attack on the base"
    assert repair_glued(text) == "A bomb went off in the square.\nVictims\nNine people died.\n2015 attack on the base"
    assert repair_glued("* first item\n* second item") == "first item\nsecond item"


def test_repair_glued_leaves_ordinary_text_alone():
    text = "McDonald saw an iPhone at 3.5 km from the U.S. Army post. He left."
    assert repair_glued(text) == text
    assert model_text("In MosulISIS fighters") == "in mosul\nisis fighters"


def test_bio_labels_prefer_longer_mentions_and_mark_every_occurrence():
    words = "a car bomb exploded near the car ; another car bomb was found".split()
    tags = bio_labels(words, [(["car"], "TG"), (["car", "bomb"], "WE")])
    assert tags == ["O", "B-WE", "I-WE", "O", "O", "O", "B-TG", "O", "O", "B-WE", "I-WE", "O", "O"]


def test_bio_labels_ignore_empty_mentions():
    assert bio_labels(["fmln", "rebels"], [([], "PO"), (["fmln"], "PO")]) == ["B-PO", "O"]


def test_decode_spans_scores_with_mean_marginal():
    tags = ["O", "B-PO", "I-PO", "I-WE", "O", "B-VI"]
    marginal = [{"O": 0.9}, {"B-PO": 0.8}, {"I-PO": 0.6}, {"I-WE": 0.5}, {"O": 1.0}, {"B-VI": 0.7}]
    spans = decode_spans(tags, marginal)
    assert [(s.start, s.end, s.label) for s in spans] == [(1, 3, "PO"), (3, 4, "WE"), (5, 6, "VI")]
    assert spans[0].score == pytest.approx(0.7)


def test_posterior_spans_find_what_viterbi_missed():
    marginal = [
        {"O": 0.7, "B-WE": 0.25, "I-WE": 0.0},
        {"O": 0.6, "B-WE": 0.0, "I-WE": 0.3},
        {"O": 0.95, "B-WE": 0.05, "I-WE": 0.0},
    ]
    spans = posterior_spans(marginal, ["WE"], tau=0.2)
    assert [(s.start, s.end, s.label) for s in spans] == [(0, 2, "WE")]
    assert spans[0].score == pytest.approx(0.275)
    assert posterior_spans(marginal, ["WE"], tau=0.5) == []


def test_span_text_keeps_the_tokens_own_spacing():
    words, spaces = ["the", "uc", "-", "eln", "'s", "men"], [" ", "", "", "", " ", ""]
    assert span_text(words, spaces, 1, 5) == "uc-eln's"
    assert normalize("The UC-ELN's men") == "uceln's men".replace("'", "")


def test_same_entity_plural_suffix_and_declared_alias():
    assert same_entity("rocket", "rockets")
    assert same_entity("car dealership", "nasa car dealership")
    assert same_entity("galan", "luis carlos galan")
    assert not same_entity("car", "car bomb")
    assert not same_entity("fmln", "farabundo marti national liberation front")
    aliases = parenthetical_aliases(
        "guerrillas of the farabundo marti national liberation front (fmln) attacked",
        ["farabundo marti national liberation front", "fmln", "guerrillas"])
    assert aliases == {frozenset({"farabundo marti national liberation front", "fmln"})}
    assert same_entity("fmln", "farabundo marti national liberation front", aliases)


def test_untitled_drops_the_titles_before_a_name():
    titles = frozenset({"newsman", "newsmen", "mayor", "named", "leader"})
    assert untitled("newsman tomas ferrer", titles) == "tomas ferrer"
    assert untitled("mayor named ines salas", titles) == "ines salas"
    assert untitled("newsmen", titles) == "newsmen"  # a title alone names no one else
    assert untitled("mayor", titles) == "mayor"
    assert untitled("leader of the union", titles) == "leader of the union"  # a phrase, not a name
    assert untitled("leaders of the union", titles) == "leaders of the union"
    assert untitled("tomas ferrer", titles) == "tomas ferrer"


def test_choose_fillers_names_victims_without_their_titles():
    from shardwatch.learn.tagger import Settings, choose_fillers

    text = "newsman tomas ferrer was shot at the mayor office. ferrer, 40, died."
    cands = [
        Candidate("victim", "newsman tomas ferrer", 0.8, count=1, first=1),
        Candidate("victim", "ferrer", 0.5, count=1, first=3),
        Candidate("target", "mayor office", 0.6, count=1, first=2),
    ]
    titles = frozenset({"newsman", "mayor"})
    chosen = choose_fillers(cands, text, Settings(), titles=titles)
    assert [c.text for c in chosen["victim"]] == ["tomas ferrer"]  # one person, named as MUC-4 names him
    assert [c.text for c in chosen["target"]] == ["mayor office"]  # only victims lose a title
    assert [c.text for c in cands if c.role == "victim"] == ["newsman tomas ferrer", "ferrer"]  # left as they were
    assert [c.text for c in choose_fillers(cands, text, Settings())["victim"]] == ["newsman tomas ferrer"]


@pytest.mark.model
def test_the_roles_view_of_lower_cased_text_names_a_victim_without_the_title_the_crf_tagged(tmp_path):
    from shardwatch.extract.attack_arguments import document_arguments
    from shardwatch.learn.features import doc_sequences
    from shardwatch.learn.tagger import RoleTagger, Settings, train
    from shardwatch.nlp import annotate
    from shardwatch.types import Article

    # A CRF taught on these two texts to tag the title with the name, as the shipped one sometimes
    # does ("newsman tomas ferrer"): the view (data/attack_words.jsonl, person_title) drops it.
    texts = ["gunmen killed newsman tomas ferrer in lima yesterday.",
             "a bomb wounded mayor ines salas at her office."]
    victims = [["newsman", "tomas", "ferrer"], ["mayor", "ines", "salas"]]
    docs = list(annotate(texts))
    pairs = []
    for doc, victim in zip(docs, victims):
        for tokens, feats in doc_sequences(doc):
            pairs.append((feats, bio_labels([t.lower_ for t in tokens], [(victim, "VI")])))
    train(pairs, tmp_path / "tiny.crfsuite", c1=0.0, c2=0.01, iterations=50)
    tagger = RoleTagger(tmp_path / "tiny.crfsuite", Settings(tau=0.15))
    assert [c.text for c in tagger.roles(docs[0])["victim"]] == ["newsman tomas ferrer"]
    for doc, name in zip(docs, ["tomas ferrer", "ines salas"]):
        article = Article(id="t", title="", source="test", url=None, published=None, text=doc.text)
        arguments = document_arguments(doc, article, [], tagger=tagger)
        assert [a.text for a in arguments if a.role == "victim"] == [name]


def test_entities_keep_the_best_mention_of_each_filler():
    cands = [
        Candidate("weapon", "rockets", 0.6, count=1, first=3),
        Candidate("weapon", "rocket", 0.9, count=2, first=1),
        Candidate("weapon", "mortar", 0.5, count=1, first=2),
    ]
    assert [c.text for c in entities(cands)] == ["rocket", "mortar"]


@pytest.mark.model
def test_shipped_model_tags_a_written_attack_report():
    from shardwatch.extract.roles import role_lines
    from shardwatch.learn.tagger import default_tagger
    from shardwatch.nlp import annotate

    # Lower-case text, as MUC-4 gives it, goes to the tagger; cased text has its own rules.
    text = ("terrorists of the shining path detonated a dynamite charge at a power station in lima "
            "yesterday. the explosion killed a guard, carlos mendoza.")
    (line,) = role_lines([("t1", text)])
    assert line["doc_id"] == "t1" and json.dumps(line)
    roles = line["roles"]
    assert roles["perpetrator_organization"] == [["shining path"]]
    assert roles["perpetrator_individual"] == [["terrorists"]]
    assert ["dynamite charge"] in roles["weapon"]
    assert roles["place"] == [["lima"]]
    # Those fillers come from the CRF, not from the rules: the tagger alone finds them.
    (doc,) = annotate([text])
    learned = {role: [c.text for c in cands] for role, cands in default_tagger().roles(doc).items()}
    assert learned["perpetrator_organization"] == ["shining path"]
    assert "dynamite charge" in learned["weapon"]


def test_space_tokenised_text_is_read_as_news_and_given_back_as_written():
    from shardwatch.learn.text import space_tokenised, untokenise

    plain = "A 19-year-old gunman fired at the U.S. embassy's gate, police said."
    tokenised = "A 19 - year - old gunman fired at the U . S . embassy ' s gate , police said ."
    assert not space_tokenised("He fled , they said.")  # one spaced comma makes no tokenised text
    longer = tokenised + " He fled , they said . Nobody was hurt , officials said ."
    assert space_tokenised(longer) and not space_tokenised(plain + " He fled, they said. Nobody was hurt.")
    untokenised = untokenise(longer)
    assert untokenised.text.startswith("A 19-year-old gunman fired at the U. S. embassy's gate, police said.")
    assert untokenised.original_mention("19-year-old gunman", 0) == ("19 - year - old gunman", 2, 24)
    # a mention the text lacks is kept as it is, at the original place of the offset given
    assert untokenised.original_mention("embassy guards", 40)[0] == "embassy guards"


def test_roles_of_a_space_tokenised_report_are_those_of_the_report_as_written():
    from shardwatch.extract.roles import role_lines

    plain = ("Two suicide bombers blew themselves up at a checkpoint in Kirkuk's Hawija district on Monday, "
             "killing 14 soldiers, officials said. The Islamic State group's news agency said it carried out "
             "the bombing. A 23-year-old officer was among the dead.")
    tokenised = ("Two suicide bombers blew themselves up at a checkpoint in Kirkuk ' s Hawija district on Monday , "
                 "killing 14 soldiers , officials said . The Islamic State group ' s news agency said it carried "
                 "out the bombing . A 23 - year - old officer was among the dead .")
    from shardwatch.learn.text import detokenise

    written, read = role_lines([("plain", plain), ("tokenised", tokenised)])
    # the same fillers, each given as the tokenised text writes it ("group ' s news agency")
    assert {role: [[detokenise(m)[0] for m in entity] for entity in entities]
            for role, entities in read["roles"].items()} == written["roles"]
    for argument in read["arguments"]:
        assert tokenised[argument["start"]:argument["end"]] == argument["text"]


def test_lower_cased_text_the_tagger_finds_no_attack_in_gets_no_group_or_weapon_from_the_frames():
    from shardwatch.extract.roles import role_lines

    # a group's statement about a campaign it has ended: the tagger finds no attacker, target,
    # victim or weapon, so the frames' armed group and weapon word are not added either
    (line,) = role_lines([("statement", "the m-19 said its bombing campaign is over. the group will take part "
                                        "in the elections, its leader told reporters.")])
    assert line["roles"]["perpetrator_organization"] == []
    assert line["roles"]["weapon"] == []


def test_choose_fillers_keeps_at_most_the_roles_cap_best_first():
    from shardwatch.learn.tagger import Settings, choose_fillers

    text = "the people's liberation front and the red brigade claimed the bombing with dynamite and grenades."
    cands = [
        Candidate("perpetrator_organization", "red brigade", 0.4, count=1, first=2),
        Candidate("perpetrator_organization", "people's liberation front", 0.7, count=2, first=1),
        Candidate("weapon", "dynamite", 0.6, count=1, first=3),
        Candidate("weapon", "grenades", 0.5, count=1, first=4),
    ]
    capped = choose_fillers(cands, text, Settings(max_entities={"perpetrator_organization": 1}))
    assert [c.text for c in capped["perpetrator_organization"]] == ["people's liberation front"]
    assert [c.text for c in capped["weapon"]] == ["dynamite", "grenades"]  # no cap: every entity
    uncapped = choose_fillers(cands, text, Settings())
    assert [c.text for c in uncapped["perpetrator_organization"]] == ["people's liberation front", "red brigade"]
    # the cap is kept with the model's settings
    assert Settings.from_json(Settings(max_entities={"weapon": 2}).to_json()).max_entities == {"weapon": 2}


@pytest.mark.model
def test_the_words_of_a_noun_chunk_carry_what_the_chunk_does_and_the_sentences_attack_words():
    from shardwatch.learn.features import doc_sequences
    from shardwatch.nlp import annotate

    (doc,) = annotate([model_text("The mayor's house was attacked by urban guerrillas of the workers' front.")])
    (tokens, feats), = doc_sequences(doc)
    urban = feats[[t.text for t in tokens].index("urban")]
    # "urban" is no attacker word itself; its chunk's head and the "by" of the attack are
    assert urban["ch_root=guerrilla"] == 1.0
    assert urban["ch_prep=by|attack"] == 1.0
    assert urban["sent_trig=attack"] == 1.0
    house = feats[[t.text for t in tokens].index("house")]
    assert "ch_prep=by|attack" not in house


@pytest.mark.model
def test_cased_reports_never_reach_the_lower_case_tagger():
    from shardwatch.extract import extract
    from shardwatch.learn.gate import gate_settings
    from shardwatch.learn.tagger import default_tagger
    from shardwatch.nlp import annotate
    from shardwatch.types import Article

    # The CRF and its gate are for lower-cased wire copy only: the records of a cased incident report do not
    # depend on it (its retraining leaves them as they were).
    text = ("Gunmen of the Islamic State attacked a police checkpoint in Tikrit on 3 May 2016, "
            "killing four officers with rifles and a car bomb.")
    article = Article(id="cased-1", title="", source="test", url=None, published=None, text=text)
    (doc,) = annotate([text])
    default_tagger.cache_clear()
    gate_settings.cache_clear()
    extraction = extract(article, doc)
    assert any(e.kind == "attack" for e in extraction.events)
    assert default_tagger.cache_info().currsize == 0  # the CRF was never loaded for it
    assert gate_settings.cache_info().currsize == 0  # nor the document gate of lower-cased text


def _doc_with_vectors(words: list[str], vectors: list[list[float]]):
    import numpy as np
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    doc = Doc(Vocab(), words=words, sent_starts=[True] + [False] * (len(words) - 1))
    doc.tensor = np.asarray(vectors, dtype="float32")
    return doc


def test_word_classes_give_each_token_the_class_of_the_nearest_centroid_of_its_unit_vector():
    import numpy as np

    from shardwatch.learn.features import WordClasses

    classes = WordClasses(np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]]))
    # lengths do not count, directions do: (5, 1) is near (1, 0); (0.1, 3) near (0, 1)
    doc = _doc_with_vectors(["guerrillas", "attacked", "the", "post"], [[5, 1], [0.1, 3], [-2, 0.5], [0, 0]])
    assert classes.of(doc)[:3] == [0, 1, 2]


def test_the_tagger_features_name_the_word_class_of_a_token_and_of_its_neighbours():
    import numpy as np

    from shardwatch.learn.features import WordClasses, doc_sequences

    classes = WordClasses(np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]]))
    doc = _doc_with_vectors(["rebels", "burned", "a", "bus"], [[1, 0], [0, 1], [-1, 0], [0, 2]])
    (tokens, feats), = doc_sequences(doc, classes)
    burned = feats[1]
    assert {k for k in burned if k.startswith(("c=", "-1:c=", "1:c="))} == {"c=1", "-1:c=0", "1:c=2"}
    assert burned["head_c=1"] == 1.0  # a Doc made by hand: every token is its own head
    assert not any(k.startswith("-1:c=") for k in feats[0])  # nothing before the first token
    (_, plain), = doc_sequences(doc)  # without classes, no class features
    assert not any(k.startswith(("c=", "-1:c=", "1:c=")) for f in plain for k in f)


def test_word_classes_refuse_a_doc_without_token_vectors():
    import numpy as np
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from shardwatch.learn.features import WordClasses

    doc = Doc(Vocab(), words=["a", "bomb"])  # as a DocBin gives it back: no doc.tensor
    with pytest.raises(ValueError, match="no token vectors"):
        WordClasses(np.eye(2)).of(doc)


def test_word_classes_fitted_twice_on_the_same_vectors_are_the_same():
    from shardwatch.learn.features import WordClasses

    docs = [_doc_with_vectors(["w"] * 6, [[1, 0], [0.9, 0.1], [0, 1], [0.1, 0.9], [-1, 0], [-0.9, -0.1]])] * 3
    first, second = WordClasses.fit(docs, k=3), WordClasses.fit(docs, k=3)
    assert (first.centroids == second.centroids).all()
    assert len(set(first.of(docs[0]))) == 3  # three directions, three classes


@pytest.mark.model
def test_the_shipped_tagger_reads_its_word_classes_and_says_what_a_doc_without_vectors_lacks(tmp_path):
    import shutil

    from spacy.tokens import DocBin

    from shardwatch.errors import ShardwatchError
    from shardwatch.learn.tagger import RoleTagger, default_tagger, model_dir
    from shardwatch.nlp import annotate, get_nlp

    tagger = default_tagger()
    assert tagger.settings.word_classes == 200 and tagger.word_classes.centroids.shape == (200, 96)
    (doc,) = annotate(["guerrillas machinegunned a bus in the capital yesterday."])
    stored = DocBin(docs=[doc]).to_bytes()
    (read,) = DocBin().from_bytes(stored).get_docs(get_nlp().vocab)
    with pytest.raises(ShardwatchError, match="token vectors"):
        tagger.candidates(read)
    # a model folder that lost its classes is refused at load time, not read wrongly
    for name in ("roles.crfsuite", "roles.json"):
        shutil.copy(model_dir() / name, tmp_path / name)
    with pytest.raises(ShardwatchError, match="word classes"):
        RoleTagger.load(tmp_path)


@pytest.mark.model
def test_an_ensemble_averages_its_crfs_marginals_and_reads_tags_as_its_settings_say(tmp_path):
    import shutil

    from shardwatch.errors import ShardwatchError
    from shardwatch.learn.features import doc_sequences
    from shardwatch.learn.tagger import RoleTagger, Settings, member_path, train
    from shardwatch.nlp import annotate

    texts = ["gunmen killed tomas ferrer in lima yesterday.", "a bomb wounded ines salas at her office."]
    docs = list(annotate(texts))

    def crf(path, victims):
        pairs = [(feats, bio_labels([t.lower_ for t in tokens], [(victim, "VI")] if victim else []))
                 for doc, victim in zip(docs, victims) for tokens, feats in doc_sequences(doc)]
        train(pairs, path, c1=0.0, c2=0.01, iterations=50)

    # the model has learnt that "tomas ferrer" is no victim, its two members that he is one
    crf(tmp_path / "roles.crfsuite", [None, ["ines", "salas"]])
    crf(tmp_path / "a.crfsuite", [["tomas", "ferrer"], ["ines", "salas"]])
    shutil.copy(tmp_path / "a.crfsuite", tmp_path / "b.crfsuite")
    members = [tmp_path / "a.crfsuite", tmp_path / "b.crfsuite"]
    (tokens, feats), = doc_sequences(docs[0])
    one = [RoleTagger(p, Settings()).tag(feats) for p in [tmp_path / "roles.crfsuite", *members]]
    viterbi = RoleTagger(tmp_path / "roles.crfsuite", Settings(members=2), None, members).tag(feats)
    argmax = RoleTagger(tmp_path / "roles.crfsuite", Settings(members=2, decode="argmax"), None, members).tag(feats)
    for i in range(len(tokens)):
        for label, p in viterbi[1][i].items():
            assert p == pytest.approx(sum(m[i][label] for _, m in one) / 3)
    assert viterbi[0] == one[0][0] and "B-VI" not in viterbi[0]  # the model's own path
    assert argmax[0][2:4] == ["B-VI", "I-VI"]  # each token's likeliest averaged label
    assert argmax[1] == viterbi[1]

    # load() reads the members roles.json names, and refuses a model whose members are missing
    (tmp_path / "roles.json").write_text(json.dumps(Settings(members=2, decode="argmax").to_json()))
    with pytest.raises(ShardwatchError, match="ensemble member"):
        RoleTagger.load(tmp_path)
    for k, path in enumerate(members, start=1):
        shutil.copy(path, member_path(tmp_path, k))
    assert RoleTagger.load(tmp_path).tag(feats) == argmax
    with pytest.raises(ShardwatchError, match="2 further CRFs, 1 were given"):
        RoleTagger(tmp_path / "roles.crfsuite", Settings(members=2), None, members[:1])
