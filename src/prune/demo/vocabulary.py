"""The invented words people in the sample are made of: names, companies, job titles, skills.

Combinations are drawn at random, so no row describes a real person. Each list is one string
split on `;`, which keeps a few hundred words readable.
"""

from __future__ import annotations


def _words(text: str) -> tuple[str, ...]:
    """Split a `;`-separated list; one string per list keeps the vocabulary readable."""
    return tuple(word.strip() for word in text.split(";") if word.strip())


FIRST_NAMES = _words(
    "Amara; Liam; Sofia; Mateo; Aisha; Kenji; Ingrid; Tomasz; Priya; Oluwaseun; Chen; Fatima; "
    "Lars; Noor; Diego; Hannah; Rahul; Yuki; Elif; Mohammed; Chiara; Kwame; Anouk; Ravi; Leila; "
    "Jonas; Mei; Thabo; Camille; Arjun; Siobhan; Emeka; Greta; Tariq; Valentina; Hiroshi; "
    "Zanele; Marta; Pedro; Ayşe; Zoë; Søren; Łukasz; José; Renée; Björn; Inês; Sam; Alex; "
    "Jordan; Taylor; Chris; Maria; Anna; David; Sarah; Michael; Laura; Daniel; Julia; Ana; Luca; "
    "Nadia; Omar; Kofi; Wei; Ji-woo; Mariam; Hugo; Freya; Elena; Tobias; Aditi; Yaw; Rosa; "
    "Ibrahim; Astrid; Carmen; Pablo; Emma; Noah; Mia; Oscar; Lina; Felix; Keira; Rania; Bongani; "
    "Ilse; Tuan; Malia; Abena; Adrián; Akira; Alejandra; Amir; Ananya; Andrei; Aoife; Bashir; "
    "Beatriz; Bilal; Bruno; Caio; Cato; Dalia; Dario; Deepika; Dmitri; Ebo; Efua; Eitan; Esra; "
    "Farah; Fenna; Gabriel; Gwen; Hamid; Hana; Ida; Ifeoma; Imani; Isak; Jamal; Jana; Joaquín; "
    "Kaito; Kalani; Karim; Kasia; Lea; Lorenzo; Lucía; Magnus; Mahmoud; Maren; Mateus; Milan; "
    "Mirela; Nia; Nikhil; Olga; Oren; Paula; Quentin; Rashid; Riya; Ruth; Sakura; Salma; "
    "Santiago; Selin; Shira; Sipho; Soraya; Stefan; Tamar; Teodora; Thiago; Uma; Vera; Vikram; "
    "Wanjiru; Xin; Yara; Yusuf; Zainab; Zeynep; Zhen; Aarav; Bea; Cyrus; Dina; Eamon; Femi; "
    "Goran; Helga; Jae-min; Kemal; Linnea; Moana; Nils; Otieno; Petra; Rafael; Saoirse; Tendai; "
    "Ugo; Viktor; Willa; Ximena; Yosef"
)
LAST_NAMES = _words(
    "Okafor; Lindqvist; García; Nakamura; Kowalski; Patel; Mensah; Dubois; Schneider; Rossi; "
    "Haddad; van der Berg; O'Brien; Nguyễn; Müller; Østergaard; Wiśniewska; Çelik; Fernández; "
    "Zhang; Kim; Singh; Andersen; Moreau; Bianchi; Adeyemi; Cohen; Silva; Santos; Yilmaz; Novak; "
    "Horvat; Jansen; Bauer; Ferreira; Mwangi; Tanaka; Ivanova; Papadopoulos; Nilsson; Kaur; "
    "Rahman; Abebe; Costa; Lopez; Smith; Brown; Wilson; Murphy; Chen; Wong; Sato; Park; Das; Eze; "
    "Diallo; Hoffmann; Lefèvre; Navarro; Kovačević; Sørensen; Ahmed; Hussain; Varga; MacLeod; "
    "de la Cruz; Ben-David; St. Clair; Achterberg; Quispe; Tremblay; Halvorsen; Osei; Marchetti; "
    "Baptiste; Lindgren; Farouk; Acheampong; Banerjee; Castillo; Dlamini; Esposito; Fofana; "
    "Gallagher; Hakimi; Iyer; Jovanović; Kiplagat; Lam; Mahlangu; Nowicki; Ortega; Petrov; "
    "Rezaei; Sandoval; Takahashi; Uchenna; Vasquez; Whitfield; Yamamoto; Zapata; Mbeki-Lund"
)
# Family names built from parts, per naming tradition: a large, plausible-looking space keeps
# duplicate full names rare (about 10 % of rows at 30,000 contacts instead of most of them).
SURNAME_PARTS: tuple[tuple[tuple[str, ...], tuple[str, ...], str], ...] = (
    (
        _words(
            "Ek; Lind; Sand; Ny; Hall; Berg; Fors; Ljung; Sjö; Ahl; Blom; Dahl; Fager; Hag; "
            "Stål; Vik; Ask; Norr; Öst; Wall"
        ),
        _words("berg; ström; lund; qvist; dahl; gren; holm; vik; stedt; mark"),
        "",
    ),
    (
        _words(
            "Ash; Black; Brad; Bright; Cald; Cole; Crane; Fair; Hart; Hay; Kings; Mar; Nor; "
            "Red; Stan; Thorn; West; Whit; Wood; Ather"
        ),
        _words(
            "ford; wood; ley; ton; field; well; brook; by; worth; more; stead; wick; combe; shaw"
        ),
        "",
    ),
    (
        _words(
            "Kowal; Wiśniew; Kamin; Lewand; Zielin; Szyman; Woźni; Dąbrow; Kozłow; Jankow; "
            "Mazur; Kraw; Piotrow; Grabow; Pawłow; Michal; Król; Wieczor; Jabłoń; Sobie; Zawad; "
            "Borow; Chmiel; Gór; Kaczor; Ostrow; Rutkow; Sikor; Tomaszew; Wróblew"
        ),
        _words("ski; ska; wicz; czyk; ak; ek"),
        "",
    ),
    (
        _words(
            "Bert; Mar; Ross; Fior; Gall; Lomb; Capr; Ferr; Sant; Bell; Grim; Pell; Mont; Ricc; "
            "Tozz; Vitt; Cost; Lucc; Benedett; Cardin; Donat; Ginn; Marin; Orsin; Pagan; Rinald; "
            "Sorrent; Valent"
        ),
        _words("ini; etti; elli; ucci; one; ato; ese; otti"),
        "",
    ),
    (
        _words(
            "Naka; Yama; Kawa; Taka; Mori; Hashi; Ishi; Matsu; Fuji; Kita; Shima; Sugi; Hoshi; "
            "Nishi; Ao"
        ),
        _words("moto; mura; da; no; hara; saki; ta; gawa; uchi; oka"),
        "",
    ),
    (
        _words(
            "Ade; Olu; Chi; Ife; Oke; Obi; Ayo; Eme; Ola; Ogun; Ako; Adu; Ibe; Oni; Nwo; Uzo; Fola"
        ),
        _words("yemi; wale; nwa; kwe; for; bayo; tunde; dike; ke; sanya"),
        "",
    ),
    (
        _words("van der; van den; de; ter; van"),
        _words(
            "Berg; Meer; Linden; Veen; Heide; Wal; Brink; Bosch; Molen; Horst; Velde; Beek; Dijk; "
            "Laan; Kamp; Haar; Graaf; Hoek; Leeuw; Sluis; Hof; Weide"
        ),
        " ",
    ),
)
# Each tradition in proportion to its combinations: the flattest spread of names.
SURNAME_WEIGHTS = tuple(len(roots) * len(ends) for roots, ends, _ in SURNAME_PARTS)
# Names whose public URL keeps its letters, so the slug ends up percent-encoded UTF-8.
ENCODED_GROUPS: tuple[tuple[float, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        0.6,
        _words(
            "Zoë; Søren; Łukasz; José; Chloé; Björn; Renée; Zoltán; Ángela; Joël; Małgorzata; "
            "Çağla; Agnès; Jürgen; Íñigo; Dóra; Bjørn; Læticia"
        ),
        _words(
            "Bauer; Müller; Østergaard; Wiśniewska; Nguyễn; Fernández; Lefèvre; Sørensen; "
            "Kovačević; Çelik; Jiménez; Ødegård; Dvořák; Silva; Novak; Håkansson; Şahin"
        ),
    ),
    (0.06, _words("Ольга; Анна; Ирина; Наталья"), _words("Смирнова; Петрова; Волкова; Лебедева")),
    (0.06, _words("Дмитрий; Сергей; Алексей; Михаил"), _words("Козлов; Орлов; Соколов; Морозов")),
    (
        0.08,
        _words("Ελένη; Νίκος; Μαρία; Γιώργος; Κατερίνα"),
        _words("Γεωργίου; Αντωνίου; Νικολάου; Οικονόμου; Δημητρίου; Παύλου"),
    ),
    (0.08, _words("美咲; 健太; 陽菜; 翔; 結衣"), _words("田中; 佐藤; 高橋; 鈴木; 伊藤; 渡辺")),
    (0.06, _words("지우; 민준; 서연; 하은; 도윤"), _words("김; 박; 이; 최; 정")),
    (
        0.06,
        _words("ليلى; عمر; سارة; يوسف; نور"),
        _words("حداد; منصور; خليل; سليمان; عيسى"),
    ),
)
EMOJI = ("🌻", "🚀", "✨", "🌍", "☕", "🎨", "🌱", "💡")
COMPANIES = _words(
    "Acme, Inc.; Northwind Traders; Blue Harbor Labs; Quillfeather Analytics; "
    "Redwood & Rye Consulting; Tessellate Robotics; Moss Lane Studio; Brightwater Logistics; "
    "Kestrel Health; Lumen Grove Energy; Paper Lantern Media; Orchid Bay Foods; "
    "Granite Peak Capital; Saffron Street Bakery; Tidewell Systems; Cobalt Finch Software; "
    "Marigold Ventures; Ironleaf Manufacturing; Little Otter Games; Sable & Stone Architects; "
    "Verdant Loop; Foxglove Insurance; Société Lumière Verte; Bäckerei Sonnenschein GmbH; "
    "Kōbō Kumo; Harbourlight Hospital Trust; Pinecone Schools; "
    "Windrose Travel, Ltd.; Copperkettle Coffee Co.; Self-employed; Freelance; "
    "Stillwater University; Amberfield Council; Nimbus & Vale LLP; Driftwood Outdoor"
)
COMPANY_WEIGHTS = tuple(5 if i < 4 else 2 for i in range(len(COMPANIES)))
POSITIONS = _words(
    "Software Engineer; Senior Software Engineer; Staff Engineer; Product Manager; "
    "Senior Product Manager; Director, Partnerships; Head of Talent; Data Scientist; "
    "UX Researcher; Founder & CEO; Account Executive; Technical Recruiter; "
    "Sales Development Representative; Marketing Lead; Operations Manager; Consultant; Student; "
    "Ingénieure logiciel; Freelance Illustrator; VP, Engineering; Office Manager; "
    "Nurse Practitioner; Teacher; Research Assistant; Chief of Staff; Designer; "
    "Helping founders scale 🚀 | Coach | Speaker; Customer Success Manager; Analyst; "
    "Engineering Manager; Project Manager, EMEA; Architect"
)
# Rare values with quotes inside, which need the "" escape.
QUOTED_COMPANY, QUOTED_POSITION = 'The "Quiet" Company', 'Lead "Chaos" Coordinator'
SKILLS = _words(
    "Product Management; Agile Methodologies; Stakeholder Management; SQL; Roadmapping; "
    "User Research; Data Analysis; Leadership; Process Improvement; Public Speaking; "
    "Project Management; Go-to-Market Strategy; A/B Testing; Python; Negotiation"
)
OTHER_SKILLS = _words(
    "Python; JavaScript; Recruiting; Sales; Illustration; Machine Learning; UX Design; "
    "Marketing Strategy; Accounting; Teaching; Logistics; Team Building; Research; Copywriting; "
    "Kubernetes; Customer Success; Financial Modeling; Nursing"
)
