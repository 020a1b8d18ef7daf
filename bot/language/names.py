"""People's names as users type them: the commonest surnames (a name the tagger splits is still a name when it opens
with one of them), read by the language layer and the conversation's phrases alike."""

#: The commonest surnames, one character each.
SURNAME_TEXT = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
