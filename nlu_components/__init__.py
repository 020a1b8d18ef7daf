"""Custom Rasa NLU components (they import Rasa, so they live outside ``bot/``)."""
from nlu_components.closed_set import ClosedSetEntityFilter
from nlu_components.knowledge_features import KnowledgeFeaturizer
from nlu_components.normal_tokenizer import NormalJiebaTokenizer
from nlu_components.safe_logistic_regression import SafeLogisticRegressionClassifier
from nlu_components.understanding import Understanding

__all__ = ["ClosedSetEntityFilter", "KnowledgeFeaturizer", "NormalJiebaTokenizer", "SafeLogisticRegressionClassifier",
           "Understanding"]
