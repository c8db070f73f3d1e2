"""The actor stage on short texts written for these tests: resolution, metonymy, coreference."""

from __future__ import annotations


def test_country_forms_and_capital_metonymy(actors_of):
    found = actors_of(
        "The U.S. and France condemned the vote. Washington said it would respond. "
        "Reporters gathered in Washington on Monday. American diplomats left Paris."
    )
    assert found.of("U.S.").country == "USA" and found.of("U.S.").kind == "country"
    government = found.of("Washington")
    assert (government.kind, government.country, government.sector, government.cameo) == ("government", "USA", "GOV", "USAGOV")
    assert found.stage.actor_at(*_span(found, "Washington", 1)) is None  # "in Washington" is a place
    assert found.of("American diplomats").country == "USA"


def test_dated_office_holder_gets_the_role_held_on_the_day(actors_of):
    early = actors_of("Foreign Minister Sergei Lavrov met his Turkish counterpart.", published="2012-03-01")
    lavrov = early.of("Foreign Minister Sergei Lavrov")
    assert (lavrov.country, lavrov.sector, lavrov.cameo) == ("RUS", "GOV", "RUSGOV")
    assert lavrov.role and "Foreign" in lavrov.role


def test_surname_pronoun_and_title_point_to_one_person(actors_of):
    found = actors_of(
        "German Chancellor Angela Merkel arrived in Athens on Tuesday. Merkel told reporters "
        "that she wanted a deal. The chancellor later met the prime minister. She said talks went well."
    )
    merkel = found.of("German Chancellor Angela Merkel")
    assert found.of("Merkel", 1).id == merkel.id
    assert found.of("she").id == merkel.id
    assert found.of("She").id == merkel.id
    assert merkel.country == "DEU" and merkel.kind == "person"


def test_unknown_person_gets_country_sector_and_role_from_title_and_apposition(actors_of):
    found = actors_of(
        "Colonel Ahmed Nasser, a spokesman for the Egyptian army, said troops had withdrawn. "
        "Nasser added that the army would stay alert."
    )
    nasser = found.of("Colonel Ahmed Nasser")
    assert nasser.sector == "MIL"
    assert found.of("Nasser", 1).id == nasser.id


def test_agent_phrases_become_institutions_of_their_country(actors_of):
    found = actors_of("Turkish troops shelled the town. The Turkish military said its soldiers were safe.")
    troops = found.of("Turkish troops")
    assert (troops.country, troops.sector, troops.cameo) == ("TUR", "MIL", "TURMIL")
    assert found.of("The Turkish military").id == troops.id


def test_group_aliases_merge_and_the_group_refers_back(actors_of):
    found = actors_of(
        "Fighters from the Islamic State of Iraq and the Levant (ISIL) seized the town. "
        "The group later withdrew, and Daesh blamed the Iraqi army."
    )
    isil = found.of("ISIL")
    assert found.of("Daesh").id == isil.id
    assert found.of("The group").id == isil.id
    assert found.of("the Iraqi army").cameo == "IRQMIL"


def test_possessive_pronoun_owner_and_coordination(actors_of):
    found = actors_of("The government of Kenya and its security forces blocked the march.")
    forces = found.of("its security forces")
    assert forces.country == "KEN" and forces.sector in ("MIL", "COP")


def test_plural_description_takes_the_coordination(actors_of):
    found = actors_of("Japan and South Korea held talks. Both governments agreed to meet again.")
    both = found.stage.actors_of_token(next(t.i for t in found.document.doc if t.text == "governments"))
    names = {found.stage.actor(a).country for a in both}
    assert names == {"JPN", "KOR"}


def test_every_mention_offset_points_into_the_text(actors_of):
    found = actors_of("Iran's Foreign Minister said Tehran would not attend. He blamed Saudi Arabia.")
    text = found.document.text
    for actor in found.stage.actors:
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text


def _span(found, words: str, nth: int) -> tuple[int, int]:
    text = found.document.text
    start = -1
    for _ in range(nth + 1):
        start = text.find(words, start + 1)
    return start, start + len(words)


def test_a_title_alone_is_the_person_holding_that_office_on_the_day(actors_of):
    early = actors_of("The US Secretary of State flew to Cairo.", published="2010-06-01")
    later = actors_of("The US Secretary of State flew to Cairo.", published="2015-06-01")
    assert early.of("The US Secretary of State").entry != later.of("The US Secretary of State").entry
    assert early.of("The US Secretary of State").entry is not None
    former = actors_of("A former US Secretary of State flew to Cairo.", published="2015-06-01")
    assert former.of("A former US Secretary of State").entry is None  # someone else, unnamed


def test_undated_article_trusts_the_stated_title_over_an_office_held_at_another_time(actors_of):
    undated = actors_of("General David Petraeus inspected the troops in Baghdad.", published=None)
    general = undated.of("General David Petraeus")
    assert (general.country, general.sector) == ("USA", "MIL")
    dated = actors_of("David Petraeus spoke to senators.", published="2012-02-01")
    assert dated.of("David Petraeus").sector == "SPY"  # CIA director on that day


def test_unnamed_people_are_civilians_until_a_modifier_says_otherwise(actors_of):
    found = actors_of("Gunmen killed three Afghan women and two children near Kabul. Armed men fled.")
    assert (found.of("three Afghan women").sector, found.of("three Afghan women").country) == ("CVL", "AFG")
    assert found.of("two children").sector == "CVL"
    assert found.of("Armed men").sector != "CVL"


def test_coordinated_nationalities_make_one_actor_each(actors_of):
    found = actors_of("French and German troops arrived in Mali on Monday.")
    countries = {a.country for a in found.stage.actors if a.sector == "MIL"}
    assert countries == {"FRA", "DEU"}
    owned = actors_of("Lawmakers in Poland and Hungary voted against the plan.")
    assert {a.country for a in owned.stage.actors if a.sector == "LEG"} == {"POL", "HUN"}
    troops = next(t.i for t in found.document.doc if t.text == "troops")
    members = found.stage.actors_of_token(troops)
    assert {found.stage.actor(i).country for i in members} == {"FRA", "DEU"}


def test_a_surname_ner_did_not_call_a_person_is_still_the_office_holder_of_the_day(actors_of):
    found = actors_of("Kerry met with Lavrov in Geneva on Monday.", published="2014-01-07")
    lavrov = found.of("Lavrov")
    assert (lavrov.kind, lavrov.country, lavrov.sector) == ("person", "RUS", "GOV")


def test_the_dateline_says_where_the_story_was_filed_not_who_acts(actors_of):
    found = actors_of("MOSCOW, Russia: Ukraine accused Russia of shelling its border posts on Monday.")
    dateline = len("MOSCOW, Russia:")
    assert not [m for a in found.stage.actors for m in a.mentions if m.start < dateline]
    assert found.of("Ukraine").country == "UKR" and found.of("Russia").country == "RUS"


def test_an_open_role_is_the_states_when_a_country_owns_it_and_the_groups_when_a_group_does(actors_of):
    found = actors_of("The Iranian leader warned Israel. A Hamas spokesman said the group would respond. "
                      "Two British nationals were arrested and Egyptian warships sailed.")
    assert found.of("The Iranian leader").cameo == "IRNGOV"
    assert found.of("A Hamas spokesman").sector == "REB"
    assert (found.of("Two British nationals").country, found.of("Two British nationals").sector) == ("GBR", "CVL")
    assert found.of("Egyptian warships").cameo == "EGYMIL"
    assert actors_of("Rebels kidnapped two Russian civilian advisers.").of("Russian civilian advisers").sector == "CVL"


def test_a_town_the_model_calls_a_person_is_no_actor_where_places_stand(actors_of):
    found = actors_of("Syrian warplanes bombed Aleppo and Homs on Monday. Fighting raged near Homs.")
    assert not found.has("Homs")
    assert found.of("Syrian warplanes").cameo == "SYRMIL"


def test_coordinated_roles_share_the_owners_written_after_them(actors_of):
    """"lawmakers and officials in Poland and Hungary": both nouns, each country."""
    found = actors_of("Lawmakers and officials in Poland and Hungary voted against the plan.")
    assert {a.cameo for a in found.stage.actors if a.sector in ("LEG", "GOV")} == {"POLLEG", "HUNLEG", "POLGOV", "HUNGOV"}
    ministers = actors_of("The foreign ministers of France, Germany and Britain met in Paris on Monday.")
    assert {a.cameo for a in ministers.stage.actors if a.sector == "GOV"} == {"FRAGOV", "DEUGOV", "GBRGOV"}


def test_several_holders_of_an_open_role_are_their_states_government(actors_of):
    found = actors_of("Putin will meet Iranian and Iraqi leaders during a visit.")
    assert {a.cameo for a in found.stage.actors if a.country in ("IRN", "IRQ")} == {"IRNGOV", "IRQGOV"}
    assert actors_of("Iranian leaders met Iraqi officials.").of("Iranian leaders").cameo == "IRNGOV"


def test_a_name_before_an_adverb_is_not_the_owner_of_the_noun_after_it(actors_of):
    """The parser glues "Libya almost crowds" into one phrase; Libya is not the crowds' country."""
    found = actors_of("The Kuwait government is about to restore full diplomatic ties with Libya almost crowds "
                      "trashed its embassy, a senior official said on Saturday.")
    assert found.of("Libya").cameo == "LBY"
    assert not [a for a in found.stage.actors if a.country == "LBY" and a.sector is not None]


def test_a_titled_persons_country_stands_before_the_words_describing_the_office(actors_of):
    found = actors_of("Iran's hardline Interior Minister Ahmad Karimi criticized the plan.")
    karimi = found.of("Ahmad Karimi")
    assert (karimi.country, karimi.cameo) == ("IRN", "IRNGOV")
    assert found.of("Iran").id == karimi.id  # the possessive country is part of his mention


def test_international_organisations_code_their_own_people_with_their_own_code(actors_of):
    """CAMEO: UN officials IGOUNO, UN troops IGOUNOMIL; a state's envoy to the UN is the state's."""
    assert actors_of("The United Nations chief made his remarks.").of("United Nations chief").cameo == "IGOUNO"
    inspectors = actors_of("The United Nations inspectors want to re-examine the refineries in Iran.")
    assert inspectors.of("United Nations inspectors").cameo == "IGOUNO"
    assert actors_of("UN peacekeepers attacked rebels.").of("UN peacekeepers").cameo == "IGOUNOMIL"
    assert actors_of("Russia's UN ambassador criticized Japan.").of("Russia's UN ambassador").cameo == "RUSGOV"
    assert actors_of("The US UN ambassador criticized Japan.").of("US UN ambassador").cameo == "USAGOV"
    barroso = actors_of("President of the European Commission Jose Manuel Barroso visited Iran.", published="2010-05-02")
    assert {a.cameo for a in barroso.stage.actors if a.kind != "country"} == {"IGOEUREEC"}


def test_business_leaders_are_business_not_government() -> None:
    from newsgraph.pipeline import extract
    from newsgraph.text.article import Metadata, make_article

    record = extract(make_article("Indian business leaders called for free trade with Pakistan.", Metadata(published="2016-05-02"), "t"))
    leaders = [a for a in record.actors if a.country == "IND"]
    assert leaders and leaders[0].cameo == "INDBUS"
    booming = extract(make_article("Business is booming in Iraq this year.", Metadata(published="2016-05-02"), "t"))
    assert all(a.sector != "BUS" for a in booming.actors)  # a business of nobody is no actor


def test_troops_of_the_government_are_its_military_and_its_officials_its_government(actors_of):
    """"government troops" name whose armed body acts (the state's), not a different body."""
    assert actors_of("Sudan's government troops seized two villages.").of("Sudan's government troops").cameo == "SDNMIL"
    assert actors_of("Iraqi government forces retook the bridge.").of("Iraqi government forces").cameo == "IRQMIL"
    assert actors_of("Iraqi government officials denied the report.").of("Iraqi government officials").cameo == "IRQGOV"


def test_a_police_officer_of_no_named_country_is_still_the_police(actors_of):
    """Like unowned "police": one officer acts for the police, whose country the text may not say."""
    officer = actors_of("A police officer pushed an elderly marcher to the ground.").of("A police officer")
    assert (officer.country, officer.sector, officer.cameo) == (None, "COP", "COP")
    assert actors_of("A police officer in Uganda beat a student.").of("A police officer").cameo == "UGACOP"


def test_a_capital_the_model_calls_a_person_acts_for_its_government(actors_of):
    """The small model tags "Kiev" as a person; a capital known as nobody is the city, standing for
    the government where it acts. Older spellings of capitals are data rows (countries.tsv)."""
    assert actors_of("Kiev accepted a loan from the IMF.").of("Kiev").cameo == "UKRGOV"
    assert actors_of("Rangoon rejected the UN report.", published="1998-03-01").of("Rangoon").cameo == "MMRGOV"


def test_a_lower_case_legislature_is_the_one_of_the_state_in_view_never_a_codeless_name(actors_of):
    """NER calls lower-case "congress" an organisation; as a name it had no code. It is the common
    noun, whose state is the one in view, here through its office holder."""
    congress = actors_of("Trump was criticised by congress for the wall.", published="2018-05-02").of("congress")
    assert congress.cameo == "USALEG"
    parliament = actors_of("Erdogan was rebuked by parliament over the decree.").of("parliament")
    assert parliament.cameo == "TURLEG"


def test_unowned_government_forces_are_a_military_and_a_base_is_not_whose(actors_of):
    found = actors_of("A Paris-based monitor said two people died in a raid by government forces.")
    forces = found.of("government forces")
    assert (forces.country, forces.sector) == (None, "MIL")


def test_a_headline_clause_read_as_one_noun_phrase_is_a_subject_and_an_object(actors_of):
    """"Police detain journalists …": the small model reads the verb as a noun and the clause as
    one phrase headed by the object; the agent noun before the verb is the subject."""
    found = actors_of("Police detain journalists during a protest against the arrest of opposition leader "
                      "Ousmane Sonko in Dakar, Senegal")
    assert (found.of("Police").sector, found.of("journalists").sector) == ("COP", "JRN")
    assert found.of("Police").id != found.of("journalists").id


def test_an_entity_holding_a_verb_is_a_clause_not_a_name() -> None:
    """NER may label such a clause an ORG; a name holds no finite verb."""
    from spacy.tokens import Doc, Span
    from spacy.vocab import Vocab

    from newsgraph.actors.clauses import clause_taken_for_a_name
    from newsgraph.actors.dictionary import default_dictionary

    words = ["Soldiers", "arrest", "students", "in", "Minsk"]
    doc = Doc(Vocab(), words=words, pos=["NOUN", "VERB", "NOUN", "ADP", "PROPN"], tags=["NNS", "VBP", "NNS", "IN", "NNP"],
              lemmas=["soldier", "arrest", "student", "in", "Minsk"])
    assert clause_taken_for_a_name(Span(doc, 0, 3, label="ORG"), default_dictionary())
    named = Doc(Vocab(), words=["Armed", "Forces"], pos=["PROPN", "PROPN"], tags=["VBN", "NNPS"], lemmas=["Armed", "Forces"])
    assert not clause_taken_for_a_name(Span(named, 0, 2, label="ORG"), default_dictionary())


def test_forces_loyal_to_someone_are_whose_his_data_says(actors_of):
    """The patron is no owner: a commander's forces are the group he commands, a head of state's
    troops are the state's, a state's militias its paramilitary (newsgraph.actors.allegiance)."""
    haftar = actors_of("Fighters loyal to Khalifa Haftar shelled the airport.", published="2019-04-10")
    assert haftar.of("Fighters").name == "Libyan National Army"
    assert haftar.of("Fighters").cameo == "LBYUAF"
    maduro = actors_of("Soldiers loyal to President Nicolas Maduro blocked the bridge.", published="2019-02-23")
    assert maduro.of("Soldiers").cameo == "VENMIL"
    kiir = actors_of("Militias loyal to President Salva Kiir burned a village.", published="2016-08-01")
    militias = kiir.of("Militias")
    assert (militias.sector, militias.cameo) == ("PRM", "SSDUAF")  # CAMEO has no pro-government militia type


def test_a_backer_written_before_a_group_is_not_its_country(actors_of):
    """"Iranian-funded militants" are backed by Iran, not Iranian; a country that leads a force
    still owns it, and a coalition the dictionary names stays itself."""
    militants = actors_of("Iranian-funded militants ambushed a convoy.").of("Iranian-funded militants")
    assert (militants.country, militants.sector) == (None, "REB")
    assert actors_of("Russian-backed forces shelled the port.").of("Russian-backed forces").country is None
    assert actors_of("Ethiopian-led forces entered the town.").of("Ethiopian-led forces").cameo == "ETHMIL"
    assert actors_of("The Saudi-led coalition struck a bridge.").of("Saudi-led coalition").cameo == "SAUMIL"


def test_the_side_a_body_takes_is_not_its_country(actors_of):
    """"pro-Russia rebels" fight for Russia; where they are from the text does not say here."""
    rebels = actors_of("The airliner was shot down by pro-Russia rebels.").of("pro-Russia rebels")
    assert (rebels.country, rebels.sector) == (None, "REB")
    protesters = actors_of("Anti-Kremlin protesters marched on Sunday.").of("Anti-Kremlin protesters")
    assert protesters.country is None


def test_a_plural_agent_noun_the_model_took_for_a_person_is_that_sector(actors_of):
    """The small model labels a sentence-initial "Hoodlums" a PERSON; it is a crowd of criminals."""
    assert actors_of("Hoodlums attacked the village on Sunday.").of("Hoodlums").sector == "CRM"
    assert actors_of("Thugs attacked the journalists in Cairo.").of("Thugs").sector == "CRM"
    assert actors_of("Tribal elders demanded the release of the hostages.").of("Tribal elders").sector == "ELI"
    assert actors_of("Dozens of lawyers marched in Harare on Thursday.").of("lawyers").sector == "JUD"


def test_a_country_in_lower_case_or_odd_case_is_still_named_but_a_common_word_is_not(actors_of):
    assert actors_of("police in india arrested two men on sunday.").of("police").cameo == "INDCOP"
    assert actors_of("The minister wants to help iSrael.").of("iSrael").cameo == "ISR"
    assert not actors_of("He ate turkey with rice in the evening.").has("turkey")


def test_a_country_named_later_as_the_giver_of_an_act_is_not_the_state_in_view(actors_of):
    found = actors_of("Kenya's president spoke on Monday. The government praised China's assistance.")
    assert found.of("The government").country == "KEN"
    assert not actors_of("The government praised China's assistance on Monday.").has("The government")


def test_a_city_modifying_the_police_gives_them_its_country_over_another_named_nearby(actors_of):
    assert actors_of("The Kolkata police arrested two men near Bangladesh.").of("The Kolkata police").country == "IND"
    assert actors_of("Police arrested three suspects in Lagos.").of("three suspects").sector == "CVL"


def test_people_in_a_state_body_are_that_states_but_police_at_a_stadium_are_not_its(actors_of):
    assert actors_of("Officials in the White House criticised the plan.").of("Officials").cameo == "USAGOV"
    assert actors_of("Police at the stadium arrested two fans.").of("Police").country is None


def test_an_unknown_x_of_y_body_takes_the_sector_of_x_but_a_bank_of_y_tells_nothing(actors_of):
    assert actors_of("The Ministry of Silly Walks condemned the attack.").of("Ministry of Silly Walks").sector == "GOV"
    assert actors_of("The University of Tehran closed on Monday.").of("University of Tehran").sector == "EDU"
    assert actors_of("The Bank of England raised rates.").of("Bank of England").sector is None


def test_a_body_word_the_parser_tagged_as_an_adjective_still_names_the_body_of_a_role(actors_of):
    assert actors_of("The rebel leader fought government troops for years.").of("The rebel leader").sector == "REB"


def test_a_hyphenated_title_keeps_its_owner(actors_of):
    """spaCy splits "co-chairman" at the hyphen; the party before it still owns the office."""
    fox = actors_of("Tory co-chairman Liam Fox was speaking.", published="2005-03-15").of("Tory co-chairman Liam Fox")
    assert (fox.cameo, fox.role) == ("GBRPTY", "co-chairman")


def test_a_place_the_model_took_for_an_organisation_is_no_actor(actors_of):
    found = actors_of("Mr Kennedy visits Manchester, Liverpool, Leicester, Somerset, Dorset and Torbay this week.")
    assert not found.has("Dorset")
    assert actors_of("Amnesty International criticised the verdict.").has("Amnesty International")


def test_a_persons_forces_are_the_body_they_command(actors_of):
    rebels = actors_of("Insurgent leader Shefket Musliu said that his forces will lay down their weapons.",
                       published="2001-05-22")
    assert rebels.of("his forces").sector == "REB"
    assert actors_of("President Putin said his forces would withdraw.", published="2016-03-14").of("his forces").cameo == "RUSMIL"


def test_a_nationality_the_small_model_left_unlabelled_still_owns_the_forces() -> None:
    from newsgraph.pipeline import extract
    from newsgraph.text.article import Metadata, make_article

    record = extract(make_article("Somali forces attacked the town on Monday.", Metadata(published="2016-05-02"), "t"))
    assert [a.cameo for a in record.actors] == ["SOMMIL"]


def test_towns_a_politician_visits_are_places_even_when_ner_calls_them_organisations() -> None:
    from newsgraph.pipeline import extract
    from newsgraph.text.article import Metadata, make_article

    text = "Charles Kennedy is touring the country this week as he visits Manchester, Liverpool and Leicester."
    names = {a.name for a in extract(make_article(text, Metadata(published="2005-02-01"), "t")).actors}
    assert not names & {"Manchester", "Liverpool", "Leicester"}, names


def test_a_spokesman_for_a_group_is_the_groups() -> None:
    from newsgraph.pipeline import extract
    from newsgraph.text.article import Metadata, make_article

    record = extract(make_article("A spokesman for Hamas said the group rejected the offer.", Metadata(published="2016-05-02"), "t"))
    spokesman = next(a for a in record.actors if a.name == "spokesman")
    hamas = next(a for a in record.actors if a.name == "Hamas")
    assert (spokesman.country, spokesman.sector) == ("PSE", "REB")
    assert spokesman.cameo == hamas.cameo, "the group's own CAMEO code, as its people's"


def test_the_government_in_a_capital_is_that_states() -> None:
    from newsgraph.pipeline import extract
    from newsgraph.text.article import Metadata, make_article

    text = "Russian troops massed on the border, while the government in Kiev ordered a partial mobilisation."
    record = extract(make_article(text, Metadata(published="2014-03-17"), "t"))
    assert "UKRGOV" in {a.cameo for a in record.actors}


def test_a_ministry_word_before_ministers_keeps_them_the_government_and_a_union_in_a_name_is_no_trade_union(actors_of):
    """"Union" ends the name "European Union"; it is the owner's word, not a labour body modifying
    the ministers. A ministry word ("labour", "finance") before "minister" is the office, GOV."""
    ministers = actors_of("European Union agriculture ministers gathered in Luxembourg.").of("European Union agriculture ministers")
    assert (ministers.sector, ministers.cameo) == ("GOV", "IGOEUREEC")
    minister = actors_of("Spain's labour minister rejected the proposal.").of("Spain's labour minister")
    assert (minister.sector, minister.cameo) == ("GOV", "ESPGOV")


def test_an_unknown_agency_is_the_states_and_only_a_news_or_press_agency_is_the_press(actors_of):
    regulator = actors_of("The Nordic Chemicals Agency warned farmers about the pesticide.").of("Nordic Chemicals Agency")
    assert regulator.sector == "GOV"
    wire = actors_of("The Baltic Press Agency reported the arrests.").of("Baltic Press Agency")
    assert wire.sector == "JRN"


def test_a_country_a_person_opposes_or_a_later_passage_turns_to_is_not_his_nationality(actors_of):
    """The state in view gives an official a country only where he is introduced, and never a
    country that is only the topic of a noun ("the war on Iraq")."""
    opposing = actors_of("Angered by the war on Syria, MP Tom Hadley resigned from the party.").of("MP Tom Hadley")
    assert opposing.country is None and opposing.sector == "LEG"
    text = ("Former Liberal MP Tom Hadley called for calm on Monday. An engineer was abducted in Syria last week. "
            "Mr Hadley was suspended by his party.")
    later = actors_of(text).of("Hadley", 1)
    assert later.country is None and later.sector == "LEG"
    hassan = actors_of("King Hassan of Morocco said he would host the talks.", published="1995-03-01").of("King Hassan")
    assert hassan.country == "MAR"  # a country named with him, in his sentence, is still his


def test_what_the_sentence_names_wins_over_a_country_named_paragraphs_before(actors_of):
    """Unowned police are the state in view; a national party named in their own sentence, or
    the sentence's places, say which state that is better than a country named earlier."""
    iraq = "Iraq's government said on Tuesday that the talks in Baghdad had stalled.\n\n"
    party = actors_of(iraq + "Police are questioning a British Freedom Party canvasser about a leaflet.")
    assert party.of("British Freedom Party").cameo == "GBRPTY"  # a nationality opening a name
    assert party.of("Police").cameo == "GBRCOP"
    places = actors_of(iraq + "Police are investigating letters sent to homes in Leeds opposing a new bypass.")
    assert places.of("Police").cameo == "GBRCOP"
    nearby = actors_of(iraq + "Police later arrested two men.")
    assert nearby.of("Police").cameo == "IRQCOP"  # nothing in the sentence says otherwise


def test_a_title_owned_by_a_state_office_holder_is_an_office_of_that_state(actors_of):
    """"his chancellor" after a head of government takes the title's sector from titles.tsv."""
    found = actors_of("The president and his chancellor flew to the summit.")
    assert found.of("his chancellor").sector == "GOV"
    found = actors_of("The professor and his chancellor opened the library.")
    assert found.of("his chancellor").sector is None  # a university's chancellor serves no state


def test_a_civilian_government_is_a_government_and_civilian_advisers_are_civilians() -> None:
    from newsgraph.pipeline import extract
    from newsgraph.text.article import Metadata, make_article

    record = extract(make_article("A coup toppled the civilian government of Sudan.", Metadata(published="2016-05-02"), "t"))
    assert "SDNGOV" in {a.cameo for a in record.actors}
    advisers = extract(make_article("Russian civilian advisers arrived in Damascus.", Metadata(published="2016-05-02"), "t"))
    assert "RUSCVL" in {a.cameo for a in advisers.actors}


def test_an_unowned_body_described_only_by_amount_or_worth_is_no_actor() -> None:
    from newsgraph.pipeline import extract
    from newsgraph.text.article import Metadata, make_article

    record = extract(make_article("The US has provided extensive intelligence to Iraq.", Metadata(published="2014-01-07"), "t"))
    assert "extensive intelligence" not in {a.name for a in record.actors}


def test_youths_are_civilians_of_their_nationality() -> None:
    from newsgraph.pipeline import extract
    from newsgraph.text.article import Metadata, make_article

    record = extract(make_article("Palestinian youths threw stones at Israeli soldiers.", Metadata(published="2014-01-07"), "t"))
    assert "PSECVL" in {a.cameo for a in record.actors}
    assert [e.type for e in record.events] == ["PROTEST"]  # unarmed stone-throwers riot


def test_an_acronym_the_article_defines_is_the_body_it_defined_not_the_dictionarys(actors_of):
    found = actors_of(
        "The British National Party (BNP) won two council seats. The BNP leader Nick Griffin welcomed the result."
    )
    party = found.of("British National Party")
    assert found.of("BNP") == party and party.country == "GBR"
    leader = found.of("The BNP leader Nick Griffin")
    assert (leader.country, leader.sector) == ("GBR", "PTY")  # a party's leader leads for the party


def test_letters_that_are_not_the_names_initials_define_nothing(actors_of):
    found = actors_of("The Bangladesh Nationalist Party (AL) called a strike. The BNP leaders were arrested.")
    assert found.of("The BNP leaders").country == "BGD"


def test_a_role_after_when_or_as_leaves_the_conjunction_out(actors_of):
    found = actors_of("When foreign secretary, he travelled to Uganda.")
    assert found.of("foreign secretary").name == "foreign secretary"


def test_a_country_compounded_onto_a_war_is_no_state_in_view(actors_of):
    found = actors_of("The minister resigned from the government over the Iraq war.")
    assert all(a.country != "IRQ" or a.kind == "country" for a in found.stage.actors)


def test_a_party_ner_took_for_a_person_still_owns_the_title_after_it(actors_of):
    """A party name NER labels a person owns the open title written after it: its leader is
    the party's (PTY), whether the dictionary knows him out of office on the day or not at all."""
    out_of_office = actors_of("the Fidesz leader Viktor Orban rejected the budget.", published="2005-03-15")
    orban = out_of_office.of("the Fidesz leader Viktor Orban")
    assert (orban.country, orban.sector, orban.cameo) == ("HUN", "PTY", "HUNPTY")
    unknown = actors_of("the Zanu-PF chairman Tobias Moyo rejected the budget.", published="2005-03-15")
    assert unknown.of("the Zanu-PF chairman Tobias Moyo").cameo == "ZWEPTY"


def test_a_country_named_only_as_where_something_happens_is_not_the_speakers_state(actors_of):
    """ "Convoys have arrived in Somalia, Foreign Secretary X said": "in Somalia" says where the
    convoys are, not whose foreign secretary speaks."""
    found = actors_of("Aid convoys have arrived in Somalia, Foreign Secretary Paul Redfern said.", published="1995-06-01")
    redfern = found.of("Foreign Secretary Paul Redfern")
    assert redfern.country != "SOM" and redfern.sector == "GOV"
    people = actors_of("Students in Somalia demanded that President Ali Farah resign.", published="1995-06-01")
    assert people.of("President Ali Farah").country == "SOM"  # a place that locates people says whose


def test_a_body_noun_led_by_a_sector_noun_is_that_sector_and_its_leaders_act_for_it(actors_of):
    found = actors_of("Leaders of the opposition bloc said they would boycott the vote.")
    bloc = found.of("the opposition bloc")
    assert (bloc.sector, bloc.cameo) == ("OPP", "OPP")
    assert found.of("Leaders").id == bloc.id
    named = actors_of("Members of the Vatan opposition alliance were detained.").of("the Vatan opposition alliance")
    assert named.cameo == "OPP"  # an unknown name before it is the alliance's own name
    owned = actors_of("A Kenyan opposition alliance called a strike.").of("A Kenyan opposition alliance")
    assert owned.cameo == "KENOPP"  # indefinite, yet an actor; a nationality owns it


def test_an_unknown_town_compounded_onto_an_event_noun_is_a_place_not_an_actor(actors_of):
    found = actors_of("Police were blamed for the 1985 Tottenham riots.")
    assert not found.has("Tottenham")


def test_a_people_named_by_a_nationality_is_that_countrys_and_their_forces_too(actors_of):
    found = actors_of("Croatian Serbs said their forces had pulled back from the border.", published="1995-06-01")
    people = found.of("Croatian Serbs")
    assert (people.country, people.kind) == ("HRV", "population")
    forces = found.of("their forces")
    assert (forces.country, forces.sector) == ("HRV", "MIL")
    split = actors_of("Lebanese Kurds protested on Friday.").of("Lebanese Kurds")  # NER made two names of it
    assert (split.country, split.kind) == ("LBN", "population")


def test_a_body_compounded_onto_an_act_is_its_doer_but_not_onto_a_building(actors_of):
    found = actors_of("Twelve people were killed in police firing in Surat. Others were taken to the police station.")
    assert found.has("police") and found.of("police").sector == "COP"
    assert not found.has("police station")


def test_an_of_phrase_joins_the_name_only_when_it_holds_the_owner(actors_of):
    found = actors_of("The opposition accused the Iraqi prime minister and his chancellor of behaving like schoolboys.")
    assert found.of("his chancellor").name == "his chancellor"
    mayor = actors_of("Israel released the mayor of the West Bank city of Nablus.").of("the mayor")
    assert mayor.name.startswith("mayor of the West Bank city")


def test_the_court_is_the_court_named_before_or_else_a_court_of_no_country_named(actors_of):
    icc = actors_of("The International Criminal Court issued a warrant for the general. The court said he was wanted.")
    assert icc.of("The court").id == icc.of("International Criminal Court").id
    alone = actors_of("The court ordered the release of the activists.").of("The court")
    assert (alone.sector, alone.country) == ("JUD", None)


def test_names_keep_their_possessive_apostrophe_and_close_their_brackets(actors_of):
    union = actors_of("The teachers' union suspended its strike on Monday.").of("The teachers' union")
    assert union.name == "teachers' union"
    party = actors_of("The Homeland Union (Conservatives) began collecting signatures.")
    assert party.of("Homeland Union (Conservatives)").name == "Homeland Union (Conservatives)"


def test_british_and_american_spellings_of_an_organisation_are_one_name(actors_of):
    found = actors_of("The World Trade Organisation (WTO) ruled against the US on Monday.")
    wto = found.of("World Trade Organisation")
    assert wto.entry and found.of("WTO").id == wto.id


def test_a_company_s_chief_executive_is_no_government_official_but_a_state_s_is(actors_of):
    boss = actors_of("Qwest chief executive Richard Notebaert said the bid was fair.").of("Qwest chief executive Richard Notebaert")
    assert boss.sector != "GOV"
    leader = actors_of("Hong Kong Chief Executive Donald Tsang met protesters.").of("Hong Kong Chief Executive Donald Tsang")
    assert (leader.country, leader.sector) == ("HKG", "GOV")


def test_a_country_a_war_is_in_says_where_the_war_is_not_whose_police_act(actors_of):
    found = actors_of("Campaigners lost an appeal days after the start of the war in Iraq. The police had stopped their march.")
    assert found.of("The police").country is None


def test_a_crowd_refers_back_only_to_a_crowd_of_its_own_sector(actors_of):
    found = actors_of("Protesters marched through the capital. The judges ruled against them. The protesters dispersed.")
    protesters = found.of("Protesters")
    assert found.of("The protesters").id == protesters.id
    assert all("judges" not in m.text for m in protesters.mentions)


def test_an_unknown_body_named_after_its_country_is_that_country_s_a_company_its_business(actors_of):
    found = actors_of("Officials asked the Montenegro Assembly for help. Malaysia Airlines said nothing.")
    assembly = found.of("Montenegro Assembly")
    assert (assembly.country, assembly.sector, assembly.cameo) == ("MNE", "LEG", "MNELEG")
    airline = found.of("Malaysia Airlines")
    assert (airline.country, airline.sector, airline.cameo) == ("MYS", "BUS", "MYSBUS")  # a firm, no state body


def test_armed_groups_are_unidentified_armed_actors_and_girls_are_civilians(actors_of):
    found = actors_of("Armed groups abducted two girls near the village.")
    groups = found.of("Armed groups")
    assert (groups.kind, groups.sector) == ("armed_group", "UAF")
    assert found.of("two girls").sector == "CVL"


def test_a_body_named_before_an_open_role_decides_its_sector(actors_of):
    found = actors_of("The Syrian rebel leader met Britain's opposition leader. The Iranian leader spoke.")
    assert found.of("Syrian rebel leader").cameo == "SYRREB"
    assert found.of("Britain's opposition leader").cameo == "GBROPP"
    assert found.of("Iranian leader").cameo == "IRNGOV"  # no body named: the state's


def test_a_country_an_act_is_over_is_its_topic_not_the_state_in_view(actors_of):
    found = actors_of("A businessman attacked the government over Iraq.")
    assert all(a.country != "IRQ" for a in found.stage.actors if a.kind == "government")


def test_a_nationality_the_model_took_for_a_person_is_the_nationality(actors_of):
    found = actors_of("Bangladeshi troops arrived in Sierra Leone on Tuesday.")
    assert found.of("Bangladeshi troops").cameo == "BGDMIL"


def test_a_bare_body_noun_joined_to_an_owned_one_shares_its_owner_but_a_sector_of_people_does_not(actors_of):
    found = actors_of("Iraqi soldiers and police attacked the town near the British border.")
    assert found.of("police").cameo == "IRQCOP"  # not the British named later
    found = actors_of("Israeli soldiers and protesters clashed near the British embassy.")
    assert found.of("protesters").country is None


def test_media_are_journalists_coded_in_cameo_s_names(actors_of):
    found = actors_of("Rebels shelled the town, Syrian state media reported. Two medics said that rights activists agreed.")
    media = found.of("Syrian state media")
    assert (media.country, media.sector, media.cameo) == ("SYR", "JRN", "SYRMED")  # CAMEO MED is the media
    assert found.of("Two medics").cameo == "HLH"  # PLOVER's MED, health in CAMEO
    assert found.of("rights activists").cameo == "OPP"  # civil society: CAMEO has no type; Phoenix codes OPP



def test_a_stance_named_after_a_nationality_keeps_the_nationality_s_country(actors_of):
    found = actors_of("The Danish Islamist media warned Britain about the prince.")
    assert found.of("The Danish Islamist media").cameo == "DNKMED"


def test_bare_officers_are_police_but_a_modified_officer_is_not(actors_of):
    found = actors_of("Officers brutally attacked a peaceful student demonstration in Delhi.")
    assert found.of("Officers").sector == "COP"  # police; the events place them in India
    assert not actors_of("A press officer said nothing.").has("press officer")


def test_a_person_noun_ending_a_longer_title_is_that_title_s_office(actors_of):
    found = actors_of("John Smith, the state attorney general, warned the governor.")
    assert found.of("John Smith").sector == "GOV"  # an attorney general is no general
    assert actors_of("Sir Digby Jones, CBI director general, warned Mr Brown.").of("Digby Jones").sector != "MIL"


def test_a_bare_congress_is_the_legislature_of_the_state_in_focus_when_it_has_one_else_the_us_congress(actors_of):
    peru = actors_of("Peruvian President Ollanta Humala faces pressure from Congress.", published="2014-01-07")
    assert peru.of("Congress").cameo == "PERLEG"
    us = actors_of("Obama faces pressure from Congress to help Iran.", published="2014-01-07")
    assert us.of("Congress").cameo == "USALEG"  # Iran has no Congress; the US one it is
    assert actors_of("Congress passed the bill on Tuesday.").of("Congress").cameo == "USALEG"


def test_a_state_body_named_after_its_country_is_one_actor_with_the_body_s_other_mentions(actors_of):
    found = actors_of("The Pakistani Army said Pakistani troops had withdrawn.")
    assert found.of("Pakistani Army").id == found.of("Pakistani troops").id
    assert found.of("Pakistani Army").cameo == "PAKMIL"


def test_it_that_includes_or_means_something_is_a_thing_not_the_last_state(actors_of):
    found = actors_of("The envoy urged Syria to end the bombing. It includes calling for humanitarian access.")
    assert not found.has("It")
    found = actors_of("Syria rejected the plan. It said the plan was unfair.")
    assert found.of("It").country == "SYR"


def test_a_party_name_shared_across_states_belongs_to_the_state_that_owns_it(actors_of):
    found = actors_of("Members of Kenya's Liberal Democratic Party walked out.")
    assert found.of("Kenya's Liberal Democratic Party").cameo == "KENPTY"
    found = actors_of("The Liberal Democratic Party won the vote in Tokyo.")
    assert found.of("Liberal Democratic Party").country == "JPN"


def test_people_of_a_church_are_religious_actors(actors_of):
    assert actors_of("A Christian missionary was arrested in Lebanon.").of("A Christian missionary").sector == "REL"
    assert actors_of("Two nuns were kidnapped by gunmen.").of("Two nuns").sector == "REL"


def test_forces_named_by_a_cause_against_the_state_are_rebels_not_an_army(actors_of):
    assert actors_of("Islamist forces attacked the town.").of("Islamist forces").sector == "REB"
    assert actors_of("Syrian opposition forces attacked the town.").of("Syrian opposition forces").cameo == "SYRREB"
    assert actors_of("Iraqi forces attacked the town.").of("Iraqi forces").cameo == "IRQMIL"


def test_prisoners_and_men_are_civilians_whom_cameo_codes_as_the_phoenix_agents_dictionary_does(actors_of):
    """PLOVER counts prisoners and men civilians; Phoenix has no prisoner agent (the country's code
    alone) and codes men and people PPL."""
    found = actors_of("Israel will free 150 Palestinian prisoners, two Syrian political prisoners and two Brazilian men.")
    coded = {name: (found.of(name).cameo, found.of(name).sector)
             for name in ("Palestinian prisoners", "Syrian political prisoners", "Brazilian men")}
    assert coded == {"Palestinian prisoners": ("PSE", "CVL"), "Syrian political prisoners": ("SYROPP", "OPP"),
                     "Brazilian men": ("BRAPPL", "CVL")}
    assert actors_of("Iraqi civilians and three Chilean women fled.").of("Chilean women").cameo == "CHLCVL"


def test_the_first_word_of_an_agent_phrase_the_model_calls_a_person_is_no_person(actors_of):
    found = actors_of("Riot police fired tear gas at protesters in Nairobi.")
    assert not [a for a in found.stage.actors if a.kind == "person"]
    assert {a.sector for a in found.stage.actors} == {"COP", "OPP"}
