# 营商助手 — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY := .venv/bin/python
RASA := .venv/bin/rasa
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3

.PHONY: help setup run shell train validate lint test eval bench stress lock sync

help: ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-9s %s\n", $$1, $$2}'

setup: ## create .venv with Python 3.10 and install requirements.lock (skipped when current)
	@scripts/bootstrap.sh

train: setup ## train the model if the training data changed (models/<hash>.tar.gz)
	@$(PY) scripts/modelcache.py

run: setup ## start Rasa (REST, socket.io, widget), the action server and the console on SQLite; Ctrl-C stops all
	@$(PY) scripts/run.py

shell: setup ## chat with the assistant in this terminal
	@$(PY) scripts/run.py --shell

sync: setup ## regenerate NLU synonyms, lookups and Jieba words from knowledge/
	@$(PY) -m bot nlu sync

validate: setup ## check knowledge files, generated NLU files and Rasa training data
	@$(PY) -m bot procedures check > /dev/null
	@$(PY) -m bot nlu sync --check
	@$(PY) scripts/validate_data.py

# The whole tree is held clean by ruff, and bot/ and actions/ by mypy --strict (pyproject.toml).
LINT_PATHS ?= .
MYPY_PATHS ?= bot actions

lint: setup ## ruff (style, likely bugs) and mypy (types, strict on bot/ and actions/), configured in pyproject.toml
	@.venv/bin/ruff check --quiet $(LINT_PATHS)
	@.venv/bin/mypy --follow-imports=silent --no-error-summary $(MYPY_PATHS)

# The suite runs on TEST_WORKERS processes (pytest-xdist), each with its own Rasa and action server; a held-out
# set's tests and a share of the conversations stay on one worker (xdist_group). TEST_WORKERS=0 runs it in one.
TEST_WORKERS ?= 2

test: validate lint ## lint, then the whole test suite on two workers (trains the model once per data hash)
	@scripts/system_deps.sh
	@$(PY) scripts/databases.py install > /dev/null
	@$(PY) scripts/modelcache.py > /dev/null
	@$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

bench: setup ## load and scale figures, several minutes (not in make test): results/bench.md
	@$(PY) scripts/databases.py install > /dev/null
	@$(PY) scripts/modelcache.py > /dev/null
	@$(PY) -m bench

stress: setup ## the conversation-lock tests 50 times (RUNS=…), also on Rasa's RedisLockStore to compare
	@$(PY) scripts/databases.py install > /dev/null
	@$(PY) scripts/modelcache.py > /dev/null
	@YS_STRESS_RUNS=$(or $(RUNS),50) $(PY) -m pytest tests/integration -m stress -rxX -p no:cacheprovider

eval: setup ## train on data/, evaluate on tests/nlu/, 5-fold CV; report in results/
	@$(PY) scripts/evaluate.py

lock: ## re-pin requirements.lock from requirements.in (needs network to PyPI)
	@scripts/lock.sh
