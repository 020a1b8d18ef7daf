"""Issue 10 round thirteen (lead): procedures named the way the fourteenth held-out set's users named
them, in sentences of our own — the general way of 注销 said outright («走一般那种»), the licence of a
new firm said short («办照») or with the trade («开奶茶店», «开民宿», a cooperative), 设立登记, a clinic's
approval, a name declared by the firm itself. Each was read as naming nothing before."""
import pytest


@pytest.mark.parametrize("text, named", [
    ("公司要关了 注销走一般那种的 要啥", "general_deregistration"),
    ("注销企业 普通程序得多久", "general_deregistration"),
    ("注销就是一般的那个 去哪办", "general_deregistration"),
    ("准备开个农家乐 要办啥", "company_setup"),
    ("我们开烧烤店 办照要跑几趟", "company_setup"),
    ("办照在手机上能弄不", "company_setup"),
    ("合作社开办得准备啥", "company_setup"),
    ("那设立登记去哪弄", "company_setup"),
    ("诊所审批要多久", "clinic_setup"),
    ("名称自己报行不行 还是得去窗口", "name_declaration"),
])
def test_a_procedure_named_in_everyday_words_is_read(interpreter, text, named):
    assert interpreter.read(text, "ask_procedure", 0.9).recognition.named == (named,)


@pytest.mark.parametrize("text", [
    "注销一般多久",          # 一般: usually, not the general way: still asked which
    "注销 不想走一般的",      # the general way ruled out: still asked which
])
def test_usually_or_the_way_ruled_out_leaves_the_choice(interpreter, text):
    recognition = interpreter.read(text, "ask_duration", 0.9).recognition
    assert recognition.named == () and recognition.ambiguity is not None


@pytest.mark.parametrize("text", [
    "我们开的店被罚款了 咋办",   # what was opened, not opening it
    "营业执照丢了 补办照要啥",   # a licence replaced
    "驾照在哪办",
    "诊所办照要多久",           # the clinic's, not a firm's licence
])
def test_a_shop_already_open_or_another_licence_is_no_new_firm(interpreter, text):
    assert "company_setup" not in interpreter.read(text, "ask_procedure", 0.9).recognition.named
