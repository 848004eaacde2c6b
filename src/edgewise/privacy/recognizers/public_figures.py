"""Famous and fictional people (and a few firms and products named like people:
Morgan Stanley, Calvin Klein) a question may name without naming anyone's
private data ("Did Napoleon Bonaparte become emperor?", "诸葛亮和曹操...").

Redacting them costs the answer (the cloud sees <PERSON_1>) and protects no
one, so a PERSON span that is exactly one of these is dropped.  A short,
deliberate list: well-known historical, literary and public names only, not
common first names.
"""
from __future__ import annotations

PUBLIC_FIGURES = frozenset(line.strip().lower() for line in """
Napoleon
Napoleon Bonaparte
Julius Caesar
Cleopatra
Alexander the Great
Genghis Khan
Abraham Lincoln
George Washington
Thomas Jefferson
Winston Churchill
Franklin Roosevelt
Theodore Roosevelt
John F. Kennedy
Martin Luther King
Martin Luther
Mahatma Gandhi
Nelson Mandela
Queen Victoria
Queen Elizabeth
Elizabeth Bennet
Mr. Darcy
Sherlock Holmes
Harry Potter
Hermione Granger
Frodo Baggins
Hamlet
Macbeth
Don Quixote
William Shakespeare
Shakespeare
Jane Austen
Charles Dickens
Arthur Conan Doyle
Arthur Conan
Mark Twain
Stephen King
Leo Tolstoy
Ernest Hemingway
Albert Einstein
Einstein
Isaac Newton
Charles Darwin
Darwin
Galileo
Galileo Galilei
Marie Curie
Nikola Tesla
Thomas Edison
Alan Turing
Ada Lovelace
Aristotle
Plato
Socrates
Confucius
Karl Marx
Adam Smith
Sigmund Freud
Leonardo da Vinci
Michelangelo
Vincent van Gogh
Pablo Picasso
Mona Lisa
Ludwig van Beethoven
Beethoven
Wolfgang Amadeus Mozart
Mozart
Johann Sebastian Bach
Christopher Columbus
Marco Polo
Jesus Christ
Buddha
Muhammad
Elon Musk
Bill Gates
Steve Jobs
Taylor Swift
Michael Jordan
孔子
孟子
老子
庄子
孙子
秦始皇
汉武帝
唐太宗
武则天
康熙
乾隆
成吉思汗
诸葛亮
曹操
刘备
关羽
张飞
孙权
赵云
周瑜
司马懿
李白
杜甫
白居易
苏轼
王安石
李清照
屈原
鲁迅
曹雪芹
贾宝玉
林黛玉
薛宝钗
孙悟空
猪八戒
唐僧
沙僧
宋江
武松
林冲
岳飞
郑和
孙中山
毛泽东
邓小平
周恩来
花木兰
西施
杨贵妃
王昭君
Tim Cook
Satya Nadella
Sundar Pichai
Jeff Bezos
Mark Zuckerberg
Warren Buffett
Jensen Huang
Sam Altman
Barack Obama
Donald Trump
Joe Biden
Charles Dickens
Charlotte Brontë
Charlotte Bronte
Jane Austen
George Eliot
Jane Eyre
Harry Potter
Hermione Granger
Sherlock Holmes
马云
马化腾
雷军
任正非
李彦宏
刘强东
周杰伦
张国荣
刘德华
成龙
李小龙
邓丽君
姚明
周树人
金庸
莫言
袁隆平
钱学森
林俊杰
邓紫棋
王力宏
张学友
梁朝伟
周星驰
习近平
李光耀
Jay Chou
JJ Lin
Lee Kuan Yew
Deng Xiaoping
Mao Zedong
Jackie Chan
Bruce Lee
Anthony Fauci
张文宏
钟南山
李兰娟
Morgan Stanley
Goldman Sachs
Wells Fargo
Charles Schwab
Edward Jones
Dow Jones
Dell Latitude
Marks Spencer
Louis Vuitton
Calvin Klein
Ralph Lauren
Tommy Hilfiger
Hugo Boss
Estee Lauder
Tim Hortons
John Deere
John Lewis
""".strip().splitlines())


def public_figure(text: str) -> bool:
    return " ".join(text.lower().split()) in PUBLIC_FIGURES
