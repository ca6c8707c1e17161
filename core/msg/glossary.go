package msg

// The glossary: one Danish word per thing, in the guide's language, so a
// salesperson who reads "firma" in the guide never wonders whether a
// "virksomhed" in the window is something else. TestDanishGlossary scans
// this catalogue and the window's Danish translations
// (ui/i18n/translations/da.json) for the variants on the right.
//
//	eksportér    sending leads to SuperOffice; the imperative carries the
//	             accent ("Eksportér markerede"), not "Eksporter", except
//	             in the guide's own button "Eksporter til SuperOffice",
//	             which the window writes exactly as the guide does
//	synkronisér  the same for sync ("Synkronisér igen"), not "Synkroniser";
//	             "Sync" stays where the guide's buttons say it ("Opret &
//	             Sync", "Sync til valgte")
//	firma        the company (SuperOffice's Firma), never "virksomhed"
//	markerede    the leads ticked in the list ("Eksportér markerede"),
//	             never "valgte" or "afkrydsede"
//	valgte       only the company chosen in the match dialog, as in the
//	             guide's "Sync til valgte"
//
// The guide's buttons that the window has ("Eksporter til SuperOffice",
// "Sync til valgte", "Opret & Sync", "Forbind", "Fjern forbindelse") keep
// the guide's exact words (TestGuideButtonsVerbatim), even where they
// differ from the glossary's spelling.
//
// The 37 field descriptions (core/fields) quote the guide's Prog ID table
// word for word and are not covered.
