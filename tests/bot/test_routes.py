"""Recognising the mayor, bidding and supervisor routes from what people say, and the
route lexicon file checked at load with the file and field named."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.departments import load_departments
from bot.knowledge.errors import KnowledgeError
from bot.routes import bidding_department, load_routes, recognise, sector_of
from bot.sla import Route

KNOWLEDGE = Path(__file__).resolve().parents[2] / "knowledge"
SEED_DOC = re.compile(r"seed (\d{3})")


@pytest.fixture(scope="module")
def lexicon():
    return load_routes(KNOWLEDGE, load_departments(KNOWLEDGE).names)


@pytest.mark.parametrize(
    "text, route",
    [
        # the three reports of issue 15, as a new user typed them
        ("我要向市长反映,厂门口道路封了三个月没人管,货车进不来,很急", Route.MAYOR),
        ("我要投诉上周那个标段的评标结果不公平", Route.BIDDING),
        ("我是特邀监督员,反映一下税务窗口午休不接待的问题", Route.SUPERVISOR),
        # more of each
        ("这个事我要写到市长信箱去", Route.MAYOR),
        ("能不能帮我直通市长,审批卡了半年", Route.MAYOR),
        ("招标文件里设置了排斥外地企业的条件", Route.BIDDING),
        ("有人围标串标,中标的是他们自己人", Route.BIDDING),
        ("资格审查把我们刷掉了,理由不成立", Route.BIDDING),
        ("我是营商环境监督员,大厅叫号系统经常坏", Route.SUPERVISOR),
        ("我是特邀监督员,这个标段评标有问题", Route.SUPERVISOR),  # who speaks wins
        ("我要向市长反映评标不公", Route.BIDDING),  # the bidding procedure has its own legal clock
        ("向市長反映,園區道路一直沒修", Route.MAYOR),  # traditional characters
        # a service complaint about the trading platform keeps the ordinary rule
        ("交易中心窗口态度太差了", Route.WINDOW),
        ("不见面开标系统老是卡,登录不上", Route.WINDOW),
        ("公共资源交易平台办CA证书排了半天队", Route.WINDOW),
        ("窗口互相推诿,事情一直办不成", Route.WINDOW),
        # fresh8-35: a document got from the platform is its service, not a contested bidding act
        ("交易中心下载招标文件还收五百块工本费", Route.WINDOW),
        ("领个招标文件还要跑三趟", Route.WINDOW),
        ("招标文件下载的时候系统老是报错", Route.WINDOW),
        ("招标文件里设了排他性条款 明显是量身定做", Route.BIDDING),
        ("买招标文件花了两千 招标文件里还限定了品牌", Route.BIDDING),
        ("市长,你好", Route.WINDOW),
    ],
)
def test_the_words_decide_the_route(lexicon, text: str, route: Route) -> None:
    assert recognise(lexicon, text).route is route


@pytest.mark.parametrize(
    "texts, department",
    [
        (("城南污水处理厂工程 二标段",), "水务局"),
        (("S308省道改建工程",), "交通运输局"),
        (("第三中学教学楼新建项目",), "住房和城乡建设局"),
        (("二标段", "那个河道整治工程的评标不公平"), "水务局"),  # the description tells it
        (("示例项目",), None),
    ],
)
def test_a_bidding_project_goes_to_its_industry_supervisor(lexicon, texts, department) -> None:
    sector = sector_of(lexicon, *texts)
    assert (sector.department if sector else None) == department


def test_no_bidding_complaint_goes_to_the_trading_centre(lexicon) -> None:
    assert "公共资源交易中心" not in {s.department for s in lexicon.sectors}


@pytest.mark.parametrize(
    "text, named, department",
    [
        ("城南污水处理厂工程二标段评标不公平", "公共资源交易中心", "水务局"),  # the project's kind wins
        ("这个标段评标结果不公平", "交通运输局", "交通运输局"),  # a supervising department named stays
        ("这个标段评标结果不公平", "公共资源交易中心", None),  # never the trading centre: asked instead
        ("这个标段评标结果不公平", None, None),
    ],
)
def test_a_bidding_complaint_is_sent_to_the_supervising_department(lexicon, text, named, department) -> None:
    """The chat's ticket form and the console's assist view both decide it so."""
    assert bidding_department(lexicon, recognise(lexicon, text), named) == department
    assert lexicon.supervising_departments == {"住房和城乡建设局", "交通运输局", "水务局"}


def test_the_sources_quote_the_seeds_verbatim(lexicon) -> None:
    for _route, source in lexicon.sources:
        number = SEED_DOC.fullmatch(source.doc).group(1)
        texts = [p.read_text(encoding="utf-8") for p in (KNOWLEDGE / "sources").glob(f"seed_{number}*.txt")]
        assert any(source.quote in text for text in texts), source.quote


def _write(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((KNOWLEDGE / "ticket_routes.yml").read_text(encoding="utf-8"))
    change(data)
    folder = tmp_path / "knowledge"
    folder.mkdir()
    (folder / "ticket_routes.yml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return folder


@pytest.mark.parametrize(
    "change, field, expected",
    [
        (lambda d: d["mayor"].pop("words"), "mayor.words", "required field is missing"),
        (lambda d: d["mayor"]["words"].append("评标"), "mayor.words[", "is a word of bidding already"),
        (lambda d: d["bidding"]["sectors"][0].update(department="住建委员会"), "bidding.sectors[0].department",
         "not a canonical name"),
        (lambda d: d["bidding"]["sectors"][1].update(id="building"), "bidding.sectors[1].id", "used twice"),
        (lambda d: d["supervisor"].update(words=[]), "supervisor.words", "expected at least 1 item"),
    ],
)
def test_a_broken_file_names_the_file_and_the_field(tmp_path: Path, change, field: str, expected: str) -> None:
    folder = _write(tmp_path, change)
    with pytest.raises(KnowledgeError) as info:
        load_routes(folder, load_departments(KNOWLEDGE).names)
    lines = [line for line in str(info.value).splitlines() if "knowledge/ticket_routes.yml" in line and field in line]
    assert any(expected in line for line in lines), str(info.value)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match="ticket_routes.yml"):
        load_routes(tmp_path)
