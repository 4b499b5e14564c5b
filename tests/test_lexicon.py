def test_common_anywhere_answers_as_the_six_word_lists_do() -> None:
    """One sorted text of every language's folded words (bisected) gives the answer the
    six sets give, for every listed word and for words next to them."""
    from bot.extract.lexicon import LANGUAGES, common_anywhere, common_words, normalise

    listed = sorted(set().union(*(common_words(lang) for lang in LANGUAGES)))
    assert listed and all(common_anywhere(word) for word in listed)
    near = [w + "q" for w in listed[::7]] + ["Zwölfling", "Quarnbyish", "", "a b"]
    for word in near:
        folded = normalise(word)
        assert common_anywhere(word) == any(folded in common_words(lang) for lang in LANGUAGES)
