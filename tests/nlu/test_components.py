"""The custom NLU components' own behaviour, without training a model."""
from pathlib import Path

import numpy as np
import pytest
import scipy.sparse
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message

from nlu_components.normal_tokenizer import NormalJiebaTokenizer
from nlu_components.safe_logistic_regression import SafeLogisticRegressionClassifier


def _tokens(text):
    tokenizer = NormalJiebaTokenizer({**NormalJiebaTokenizer.get_default_config(), "dictionary_path": None},
                                     None, None)
    return [(t.text, t.start, t.end) for t in tokenizer.tokenize(Message(data={"text": text}), "text")]


def test_traditional_characters_get_the_simplified_words_at_the_same_places():
    traditional, simplified = _tokens("簡易註銷進度查詢"), _tokens("简易注销进度查询")
    assert traditional == simplified
    assert "".join(t for t, _, _ in traditional) == "简易注销进度查询"


def test_full_width_and_upper_case_are_read_narrow_and_lower():
    assert _tokens("ＹＳ工单") == _tokens("ys工单")


def test_latin_words_are_cut_as_the_chinese_they_stand_for_at_the_places_typed():
    tokens = _tokens("company注销要带啥documents")
    assert ("公司", 0, 7) in tokens and ("注销", 7, 9) in tokens
    assert [t for t in tokens if t[1] >= 12] == [("材料", 12, 21)]
    assert _tokens("feedback") == [("feedback", 0, 8)]


def test_rasas_training_cache_sees_a_change_of_the_knowledge_files(tmp_path):
    """Rasa keys a component's cached training output by its config and inputs: a new word
    of words.yml or a new cue left the old tokens and features in a retrained model."""
    import shutil

    from nlu_components.knowledge_features import KnowledgeFeaturizer

    knowledge = tmp_path / "knowledge"
    shutil.copytree(Path(__file__).resolve().parents[2] / "knowledge", knowledge)
    config = {"knowledge_dir": str(knowledge), "dictionary_path": "dictionaries/jieba"}
    before = (NormalJiebaTokenizer.fingerprint_addon(config), KnowledgeFeaturizer.fingerprint_addon(config))
    assert before == (NormalJiebaTokenizer.fingerprint_addon(config), KnowledgeFeaturizer.fingerprint_addon(config))
    words = knowledge / "language" / "words.yml"
    words.write_text(words.read_text(encoding="utf-8") + "gsbg: 公司变更\n", encoding="utf-8")
    after = (NormalJiebaTokenizer.fingerprint_addon(config), KnowledgeFeaturizer.fingerprint_addon(config))
    assert after[0] != before[0] and after[1] != before[1]


def _classifier(**settings):
    config = {**SafeLogisticRegressionClassifier.get_default_config(), **settings}
    return SafeLogisticRegressionClassifier(config, "lr", None, None)


def _matrix(classifier, counts):
    message = Message(data={"text": "x"})
    message.add_features(Features(scipy.sparse.coo_matrix([counts]), FEATURE_TYPE_SENTENCE, "text", "test"))
    return classifier._create_X([message]).toarray()[0]


def test_the_classifier_takes_its_regularisation_from_the_config():
    assert _classifier(C=5.0).clf.C == 5.0
    assert _classifier().clf.C == 1.0


def test_the_classifier_scales_the_counts_as_configured():
    counts = [3.0, 0.0, 1.0]
    assert np.allclose(_matrix(_classifier(), counts), counts)
    assert np.allclose(_matrix(_classifier(scaling="log"), counts), np.log1p(counts))
    assert np.allclose(_matrix(_classifier(scaling="binary"), counts), [1.0, 0.0, 1.0])


def test_an_unknown_scaling_is_refused():
    with pytest.raises(ValueError, match="scaling"):
        _classifier(scaling="tfidf")
