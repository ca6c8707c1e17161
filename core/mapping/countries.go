package mapping

// country is one row of the country table: the ISO 3166-1 alpha-2, alpha-3
// and numeric codes, the Danish name for messages, and the names a location
// may use, already folded (see fold). The names cover Danish, English and
// the country's own languages; the guide's table (Norge/Norway,
// Sverige/Sweden, Tyskland/Germany, UK/England, USA/United States, else
// Denmark) is the floor.
type country struct {
	iso2, iso3 string
	numeric    int
	nameDA     string
	names      []string
	// noCode: the alpha-2 code is not read from a location, because as a
	// location suffix it means something else far more often (CA is
	// California before it is Canada).
	noCode bool
	// cities are big cities that name the country when a location has no
	// country (folded). Only unambiguous ones.
	cities []string
}

// countryTable holds the countries the mapping recognises. Read only.
var countryTable = []country{
	{iso2: "DK", iso3: "DNK", numeric: 208, nameDA: "Danmark",
		names:  []string{"danmark", "denmark", "daenemark", "kongeriget danmark"},
		cities: []string{"kobenhavn", "copenhagen", "kbh", "aarhus", "arhus", "odense", "aalborg", "esbjerg", "randers", "kolding", "horsens", "vejle", "roskilde", "herning", "silkeborg", "naestved", "frederiksberg", "hellerup", "kongens lyngby", "lyngby", "ballerup", "glostrup", "taastrup", "hillerod", "helsingor", "fredericia", "viborg", "holstebro", "svendborg", "sonderborg", "billund", "skanderborg", "hjorring", "frederikshavn"}},
	{iso2: "FO", iso3: "FRO", numeric: 234, nameDA: "Færøerne",
		names: []string{"faeroerne", "faroe islands", "faroe", "faroes", "foroyar"}, cities: []string{"torshavn"}},
	{iso2: "GL", iso3: "GRL", numeric: 304, nameDA: "Grønland",
		names: []string{"gronland", "greenland", "kalaallit nunaat"}, cities: []string{"nuuk"}},
	{iso2: "NO", iso3: "NOR", numeric: 578, nameDA: "Norge",
		names:  []string{"norge", "norway", "noreg", "norwegen"},
		cities: []string{"oslo", "bergen", "trondheim", "stavanger", "drammen", "kristiansand", "tromso", "fredrikstad", "sandnes"}},
	{iso2: "SE", iso3: "SWE", numeric: 752, nameDA: "Sverige",
		names:  []string{"sverige", "sweden", "schweden", "ruotsi"},
		cities: []string{"stockholm", "goteborg", "gothenburg", "malmo", "uppsala", "linkoping", "vasteras", "orebro", "helsingborg", "lund", "norrkoping", "jonkoping", "umea"}},
	{iso2: "FI", iso3: "FIN", numeric: 246, nameDA: "Finland",
		names:  []string{"finland", "suomi", "finnland"},
		cities: []string{"helsinki", "helsingfors", "espoo", "tampere", "vantaa", "turku", "abo", "oulu"}},
	{iso2: "IS", iso3: "ISL", numeric: 352, nameDA: "Island",
		names: []string{"island", "iceland", "lydveldid island"}, cities: []string{"reykjavik"}},
	{iso2: "DE", iso3: "DEU", numeric: 276, nameDA: "Tyskland",
		names:  []string{"tyskland", "germany", "deutschland", "bundesrepublik deutschland", "brd"},
		cities: []string{"berlin", "hamburg", "munchen", "munich", "koln", "cologne", "frankfurt", "frankfurt am main", "stuttgart", "dusseldorf", "leipzig", "dresden", "hannover", "bremen", "kiel", "flensburg", "nurnberg", "nuremberg"}},
	{iso2: "GB", iso3: "GBR", numeric: 826, nameDA: "Storbritannien",
		names:  []string{"uk", "england", "storbritannien", "united kingdom", "great britain", "britain", "det forenede kongerige", "skotland", "scotland", "wales", "nordirland", "northern ireland"},
		cities: []string{"london", "manchester", "birmingham", "edinburgh", "glasgow", "leeds", "liverpool", "bristol", "cambridge", "oxford", "belfast", "cardiff", "newcastle upon tyne", "sheffield", "nottingham"}},
	{iso2: "US", iso3: "USA", numeric: 840, nameDA: "USA",
		names:  []string{"usa", "us", "united states", "united states of america", "amerika", "america", "de forenede stater", "forenede stater"},
		cities: []string{"new york", "new york city", "nyc", "san francisco", "los angeles", "chicago", "boston", "seattle", "austin", "miami", "houston", "atlanta", "denver", "palo alto", "silicon valley"}},
	{iso2: "NL", iso3: "NLD", numeric: 528, nameDA: "Nederlandene",
		names:  []string{"nederlandene", "holland", "netherlands", "the netherlands", "nederland", "niederlande"},
		cities: []string{"amsterdam", "rotterdam", "den haag", "the hague", "utrecht", "eindhoven", "groningen"}},
	{iso2: "PL", iso3: "POL", numeric: 616, nameDA: "Polen",
		names:  []string{"polen", "poland", "polska"},
		cities: []string{"warszawa", "warsaw", "warschau", "krakow", "cracow", "gdansk", "wroclaw", "poznan", "lodz", "szczecin"}},
	{iso2: "FR", iso3: "FRA", numeric: 250, nameDA: "Frankrig",
		names:  []string{"frankrig", "france", "frankreich"},
		cities: []string{"paris", "lyon", "marseille", "toulouse", "bordeaux", "lille", "strasbourg"}},
	{iso2: "ES", iso3: "ESP", numeric: 724, nameDA: "Spanien",
		names:  []string{"spanien", "spain", "espana"},
		cities: []string{"madrid", "barcelona", "valencia", "sevilla", "seville", "malaga", "bilbao"}},
	{iso2: "IT", iso3: "ITA", numeric: 380, nameDA: "Italien",
		names:  []string{"italien", "italy", "italia"},
		cities: []string{"rom", "roma", "rome", "milano", "milan", "torino", "turin", "napoli", "naples", "firenze", "florence", "bologna"}},
	{iso2: "CH", iso3: "CHE", numeric: 756, nameDA: "Schweiz",
		names:  []string{"schweiz", "switzerland", "suisse", "svizzera", "svizra", "confoederatio helvetica"},
		cities: []string{"zurich", "geneve", "geneva", "genf", "basel", "bern", "lausanne", "zug", "luzern", "lucerne"}},
	{iso2: "AT", iso3: "AUT", numeric: 40, nameDA: "Østrig",
		names:  []string{"ostrig", "austria", "osterreich"},
		cities: []string{"wien", "vienna", "graz", "salzburg", "linz", "innsbruck"}},
	{iso2: "BE", iso3: "BEL", numeric: 56, nameDA: "Belgien",
		names:  []string{"belgien", "belgium", "belgie", "belgique"},
		cities: []string{"bruxelles", "brussel", "brussels", "antwerpen", "antwerp", "gent", "ghent", "brugge", "bruges", "liege", "leuven"}},
	{iso2: "IE", iso3: "IRL", numeric: 372, nameDA: "Irland",
		names:  []string{"irland", "ireland", "eire", "republic of ireland"},
		cities: []string{"dublin", "cork", "galway", "limerick"}},
	{iso2: "LU", iso3: "LUX", numeric: 442, nameDA: "Luxembourg",
		names: []string{"luxembourg", "luxemburg", "letzebuerg"}},
	{iso2: "PT", iso3: "PRT", numeric: 620, nameDA: "Portugal",
		names: []string{"portugal"}, cities: []string{"lisboa", "lisbon", "lissabon", "porto"}},
	{iso2: "EE", iso3: "EST", numeric: 233, nameDA: "Estland",
		names: []string{"estland", "estonia", "eesti"}, cities: []string{"tallinn", "tartu"}},
	{iso2: "LV", iso3: "LVA", numeric: 428, nameDA: "Letland",
		names: []string{"letland", "latvia", "latvija", "lettland"}, cities: []string{"riga"}},
	{iso2: "LT", iso3: "LTU", numeric: 440, nameDA: "Litauen",
		names: []string{"litauen", "lithuania", "lietuva"}, cities: []string{"vilnius", "kaunas"}},
	{iso2: "CZ", iso3: "CZE", numeric: 203, nameDA: "Tjekkiet",
		names: []string{"tjekkiet", "czech republic", "czechia", "cesko", "ceska republika", "tschechien"}, cities: []string{"praha", "prague", "prag", "brno"}},
	{iso2: "CA", iso3: "CAN", numeric: 124, nameDA: "Canada", noCode: true,
		names: []string{"canada", "kanada"}, cities: []string{"toronto", "vancouver", "montreal", "ottawa", "calgary"}},
}

// usStates are the US state and DC postal codes. "Austin, TX" is in the
// USA. DE (Delaware) is left out: in this app's market it is Germany.
var usStates = []string{"AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY"}

// notCountries are folded place names whose last word is a country name but
// which are not in that country ("New England" is in the USA).
var notCountries = []string{"new england", "rhode island", "long island", "new south wales", "new jersey"}

// countryByISO returns the table row of an alpha-2 code.
func countryByISO(iso2 string) (country, bool) {
	for _, c := range countryTable {
		if c.iso2 == iso2 {
			return c, true
		}
	}
	return country{}, false
}

// danishCountryName returns the Danish name of a country the mapping knows
// by its ISO alpha-2 code, or the code itself; the preview uses it.
func danishCountryName(iso2 string) string {
	if c, ok := countryByISO(iso2); ok {
		return c.nameDA
	}
	return iso2
}

// isoNumeric returns the ISO 3166-1 numeric code of a known country, the
// CountryId of SuperOffice's standard country list, or 0.
func isoNumeric(iso2 string) int {
	c, _ := countryByISO(iso2)
	return c.numeric
}
