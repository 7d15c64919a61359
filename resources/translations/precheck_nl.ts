<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en_GB">
<context>
    <name></name>
    <message>
        <source>Paste or type your draft here. Nothing you type leaves this computer.</source>
        <translation>Plak of typ hier je concept. Niets van wat je typt verlaat deze computer.</translation>
    </message>
    <message>
        <source>Ignore once</source>
        <translation>Eén keer negeren</translation>
    </message>
    <message>
        <source>Always ignore this term</source>
        <translation>Deze term altijd negeren</translation>
    </message>
    <message>
        <source>Suggestion: {0}</source>
        <translation>Suggestie: {0}</translation>
    </message>
    <message>
        <source>Replace with “{0}”</source>
        <translation>Vervangen door “{0}”</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>Always ignore</source>
        <translation>Altijd negeren</translation>
    </message>
    <message>
        <source>Never flag this term for this rule again. Only a salted fingerprint of it is stored, never the term.</source>
        <translation>Deze term nooit meer melden voor deze regel. Alleen een gezouten vingerafdruk wordt bewaard, nooit de term zelf.</translation>
    </message>
    <message>
        <source>Choose a finding to see why it matters and how to fix it.</source>
        <translation>Kies een melding om te zien waarom die ertoe doet en hoe je het oplost.</translation>
    </message>
    <message>
        <source>Why it matters: {0}</source>
        <translation>Waarom het ertoe doet: {0}</translation>
    </message>
    <message>
        <source>Rule: {0}</source>
        <translation>Regel: {0}</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… en nog {0}</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Geheimen</translation>
    </message>
    <message>
        <source>Confidential information</source>
        <translation>Vertrouwelijke informatie</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>Persoonsgegevens</translation>
    </message>
    <message>
        <source>Tone</source>
        <translation>Toon</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Beleid</translation>
    </message>
    <message>
        <source>Grammar</source>
        <translation>Grammatica</translation>
    </message>
    <message>
        <source>Must fix before posting</source>
        <translation>Oplossen vóór het plaatsen</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Nakijken</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Opmerking</translation>
    </message>
    <message>
        <source>Don&apos;t post</source>
        <translation>Niet plaatsen</translation>
    </message>
    <message>
        <source>Review before posting</source>
        <translation>Nakijken vóór het plaatsen</translation>
    </message>
    <message>
        <source>Looks good</source>
        <translation>Ziet er goed uit</translation>
    </message>
    <message>
        <source>Precheck: check a post before you share it</source>
        <translation>Precheck: controleer een bericht voordat je het deelt</translation>
    </message>
    <message>
        <source>Safer version</source>
        <translation>Veiligere versie</translation>
    </message>
    <message>
        <source>Findings ({0})</source>
        <translation>Meldingen ({0})</translation>
    </message>
    <message>
        <source>Paste or type a draft to check it.</source>
        <translation>Plak of typ een concept om het te controleren.</translation>
    </message>
    <message>
        <source>Loading rule packs…</source>
        <translation>Regelpakketten laden…</translation>
    </message>
    <message>
        <source>Loading language models…</source>
        <translation>Taalmodellen laden…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Klaar.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Controleren…</translation>
    </message>
    <message>
        <source>Quick check done; deeper checks running…</source>
        <translation>Snelle controle klaar; grondigere controles lopen nog…</translation>
    </message>
    <message>
        <source>Checked.</source>
        <translation>Gecontroleerd.</translation>
    </message>
    <message>
        <source>Checking grammar…</source>
        <translation>Grammatica controleren…</translation>
    </message>
    <message>
        <source>Checks could not start.</source>
        <translation>De controles konden niet starten.</translation>
    </message>
    <message>
        <source>The check failed.</source>
        <translation>De controle is mislukt.</translation>
    </message>
    <message>
        <source>Safer version copied to the clipboard.</source>
        <translation>Veiligere versie naar het klembord gekopieerd.</translation>
    </message>
    <message>
        <source>Discard this draft?</source>
        <translation>Dit concept weggooien?</translation>
    </message>
    <message>
        <source>This draft is not checked or still has findings. Precheck never saves drafts, so closing now discards it.</source>
        <translation>Dit concept is niet gecontroleerd of heeft nog meldingen. Precheck bewaart nooit concepten, dus als je nu sluit, is het weg.</translation>
    </message>
    <message>
        <source>Discard draft</source>
        <translation>Concept weggooien</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Verder bewerken</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Op&amp;nieuw</translation>
    </message>
    <message>
        <source>&amp;Next finding</source>
        <translation>&amp;Volgende melding</translation>
    </message>
    <message>
        <source>&amp;Previous finding</source>
        <translation>V&amp;orige melding</translation>
    </message>
    <message>
        <source>&amp;Apply all safe suggestions</source>
        <translation>&amp;Alle veilige suggesties toepassen</translation>
    </message>
    <message>
        <source>&amp;Copy safer version</source>
        <translation>Veiligere versie &amp;kopiëren</translation>
    </message>
    <message>
        <source>&amp;About Precheck</source>
        <translation>&amp;Over Precheck</translation>
    </message>
    <message>
        <source>About Precheck</source>
        <translation>Over Precheck</translation>
    </message>
    <message>
        <source>Precheck checks a social-media draft for secrets, confidential information, personal data, tone and policy problems before you post it. Everything runs on this computer; nothing of your draft is sent anywhere or saved.</source>
        <translation>Precheck controleert een concept voor sociale media op geheimen, vertrouwelijke informatie, persoonsgegevens, toon en beleidsproblemen voordat je het plaatst. Alles draait op deze computer; niets van je concept wordt verstuurd of bewaard.</translation>
    </message>
    <message>
        <source>Copy safer version</source>
        <translation>Veiligere versie kopiëren</translation>
    </message>
    <message>
        <source>Apply all safe suggestions</source>
        <translation>Alle veilige suggesties toepassen</translation>
    </message>
    <message>
        <source>The safer version appears here once the draft is checked.</source>
        <translation>De veiligere versie verschijnt hier zodra het concept is gecontroleerd.</translation>
    </message>
    <message>
        <source>{0} finding(s) have no automatic fix: edit them by hand.</source>
        <translation>{0} melding(en) zonder automatische oplossing: pas die zelf aan.</translation>
    </message>
    <message>
        <source>No changes needed.</source>
        <translation>Geen wijzigingen nodig.</translation>
    </message>
    <message>
        <source>Red is removed, green is added.</source>
        <translation>Rood wordt verwijderd, groen toegevoegd.</translation>
    </message>
    <message>
        <source>Precheck settings</source>
        <translation>Instellingen van Precheck</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Systeemtaal volgen</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Engels</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Nederlands</translation>
    </message>
    <message>
        <source>Grammar checks are off.</source>
        <translation>Grammaticacontroles staan uit.</translation>
    </message>
    <message>
        <source>Start in the system tray</source>
        <translation>Starten in het systeemvak</translation>
    </message>
    <message>
        <source>Start with the system (in the tray)</source>
        <translation>Starten met het systeem (in het systeemvak)</translation>
    </message>
    <message>
        <source>Set by your administrator</source>
        <translation>Ingesteld door je beheerder</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Taal van de interface</translation>
    </message>
    <message>
        <source>Draft languages</source>
        <translation>Talen van concepten</translation>
    </message>
    <message>
        <source>Default network</source>
        <translation>Standaardnetwerk</translation>
    </message>
    <message>
        <source>Extra rule packs</source>
        <translation>Extra regelpakketten</translation>
    </message>
    <message>
        <source>Grammar checks</source>
        <translation>Grammaticacontroles</translation>
    </message>
    <message>
        <source>Grammar server key</source>
        <translation>Sleutel voor de grammaticaserver</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Toevoegen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <source>The key is kept in your system&apos;s keyring, not in a file.</source>
        <translation>De sleutel staat in de sleutelbos van je systeem, niet in een bestand.</translation>
    </message>
    <message>
        <source>No system keyring is available, so a key cannot be stored safely and is not saved. Everything else keeps working.</source>
        <translation>Er is geen sleutelbos van het systeem beschikbaar, dus een sleutel kan niet veilig worden bewaard en wordt niet opgeslagen. Al het andere blijft werken.</translation>
    </message>
    <message>
        <source>Choose a rule pack</source>
        <translation>Kies een regelpakket</translation>
    </message>
    <message>
        <source>Rule packs (*.yaml *.yml *.json)</source>
        <translation>Regelpakketten (*.yaml *.yml *.json)</translation>
    </message>
    <message>
        <source>The key could not be saved: {0}</source>
        <translation>De sleutel kon niet worden opgeslagen: {0}</translation>
    </message>
    <message>
        <source>{0} / {1} characters</source>
        <translation>{0} / {1} tekens</translation>
    </message>
    <message>
        <source>Post to:</source>
        <translation>Plaatsen op:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Taal:</translation>
    </message>
    <message>
        <source>Apply all fixes</source>
        <translation>Alles oplossen</translation>
    </message>
    <message>
        <source>public</source>
        <translation>openbaar</translation>
    </message>
    <message>
        <source>internal</source>
        <translation>intern</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Automatic ({0})</source>
        <translation>Automatisch ({0})</translation>
    </message>
    <message>
        <source>Nothing checked yet</source>
        <translation>Nog niets gecontroleerd</translation>
    </message>
    <message>
        <source>{0} must fix · {1} to review · {2} notes</source>
        <translation>{0} oplossen · {1} nakijken · {2} opmerkingen</translation>
    </message>
    <message>
        <source>deeper checks still running…</source>
        <translation>grondigere controles lopen nog…</translation>
    </message>
    <message>
        <source>Check a text with findings first; its safer version can then be copied from here.</source>
        <translation>Controleer eerst een tekst met meldingen; daarna kun je hier de veiligere versie kopiëren.</translation>
    </message>
    <message>
        <source>Check clipboard</source>
        <translation>Klembord controleren</translation>
    </message>
    <message>
        <source>From your organisation's repository {0}, version {1}</source>
        <translation>Uit de repository {0} van je organisatie, versie {1}</translation>
    </message>
    <message>
        <source>From your department's repository {0}, version {1}</source>
        <translation>Uit de repository {0} van je afdeling, versie {1}</translation>
    </message>
    <message>
        <source>Global shortcut</source>
        <translation>Globale sneltoets</translation>
    </message>
    <message>
        <source>It stays in the tray. Use Quit Precheck in the tray menu to end it.</source>
        <translation>Het blijft in het systeemvak. Kies Precheck afsluiten in het menu van het systeemvak om het te beëindigen.</translation>
    </message>
    <message>
        <source>No update source is configured. IT sets one in the administrator's configuration (packs.update_source, packs.department_source).</source>
        <translation>Er is geen updatebron ingesteld. IT stelt die in via de beheerdersconfiguratie (packs.update_source, packs.department_source).</translation>
    </message>
    <message>
        <source>Not available on this desktop: use the tray icon, or bind “precheck-gui --check-clipboard” to a key in your desktop's keyboard settings.</source>
        <translation>Niet beschikbaar op dit bureaublad: gebruik het pictogram in het systeemvak, of koppel “precheck-gui --check-clipboard” aan een toets in de toetsenbordinstellingen van je bureaublad.</translation>
    </message>
    <message>
        <source>Nothing to check</source>
        <translation>Niets te controleren</translation>
    </message>
    <message>
        <source>Nothing to fix in the text on the clipboard.</source>
        <translation>Niets te verbeteren in de tekst op het klembord.</translation>
    </message>
    <message>
        <source>{0}: now using {1} version {2}.</source>
        <translation>{0}: nu in gebruik: {1} versie {2}.</translation>
    </message>
    <message>
        <source>Open Precheck</source>
        <translation>Precheck openen</translation>
    </message>
    <message>
        <source>Paste it where you were writing your post.</source>
        <translation>Plak die waar je je bericht aan het schrijven was.</translation>
    </message>
    <message>
        <source>Precheck is loading its checks; the result follows in a moment.</source>
        <translation>Precheck laadt de controles; de uitkomst volgt zo.</translation>
    </message>
    <message>
        <source>Precheck is still running</source>
        <translation>Precheck draait nog</translation>
    </message>
    <message>
        <source>Precheck: {0}</source>
        <translation>Precheck: {0}</translation>
    </message>
    <message>
        <source>Quit Precheck</source>
        <translation>Precheck afsluiten</translation>
    </message>
    <message>
        <source>Ready. Click to check the text on the clipboard.</source>
        <translation>Klaar. Klik om de tekst op het klembord te controleren.</translation>
    </message>
    <message>
        <source>Rule packs</source>
        <translation>Regelpakketten</translation>
    </message>
    <message>
        <source>Rule packs are up to date</source>
        <translation>Regelpakketten zijn actueel</translation>
    </message>
    <message>
        <source>Rule packs not updated</source>
        <translation>Regelpakketten niet bijgewerkt</translation>
    </message>
    <message>
        <source>Some rule packs not updated</source>
        <translation>Niet alle regelpakketten bijgewerkt</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Afdeling</translation>
    </message>
    <message>
        <source>Rule packs updated</source>
        <translation>Regelpakketten bijgewerkt</translation>
    </message>
    <message>
        <source>Safer version copied</source>
        <translation>Veiligere versie gekopieerd</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Instellingen…</translation>
    </message>
    <message>
        <source>Still loading</source>
        <translation>Nog bezig met laden</translation>
    </message>
    <message>
        <source>The check failed</source>
        <translation>De controle is mislukt</translation>
    </message>
    <message>
        <source>The clipboard holds no text (an image or a file?). Copy the text of your post, then check again.</source>
        <translation>Op het klembord staat geen tekst (een afbeelding of een bestand?). Kopieer de tekst van je bericht en controleer opnieuw.</translation>
    </message>
    <message>
        <source>The clipboard holds {0} characters; the quick check takes up to {1}. Click here to check it in the Precheck window.</source>
        <translation>Op het klembord staan {0} tekens; de snelle controle neemt er hoogstens {1}. Klik hier om de tekst in het venster van Precheck te controleren.</translation>
    </message>
    <message>
        <source>The clipboard is empty. Copy the text of your post, then check again.</source>
        <translation>Het klembord is leeg. Kopieer de tekst van je bericht en controleer opnieuw.</translation>
    </message>
    <message>
        <source>There is no system tray on this desktop, so Precheck runs as a normal window.</source>
        <translation>Dit bureaublad heeft geen systeemvak, dus Precheck draait als gewoon venster.</translation>
    </message>
    <message>
        <source>There is no system tray on this desktop; Precheck opens as a normal window instead.</source>
        <translation>Dit bureaublad heeft geen systeemvak; Precheck opent dan als gewoon venster.</translation>
    </message>
    <message>
        <source>Too long for a quick check</source>
        <translation>Te lang voor een snelle controle</translation>
    </message>
    <message>
        <source>Update rule packs</source>
        <translation>Regelpakketten bijwerken</translation>
    </message>
    <message>
        <source>Updating rule packs…</source>
        <translation>Regelpakketten worden bijgewerkt…</translation>
    </message>
    <message>
        <source>last check: {0}</source>
        <translation>laatste controle: {0}</translation>
    </message>
    <message>
        <source>{0} and {1} more</source>
        <translation>{0} en nog {1}</translation>
    </message>
    <message>
        <source>{0} checks the clipboard from any program.</source>
        <translation>{0} controleert het klembord vanuit elk programma.</translation>
    </message>
    <message>
        <source>{0} is already used by another program, so there is no global shortcut. Use the tray icon instead.</source>
        <translation>{0} wordt al door een ander programma gebruikt, dus er is geen globale sneltoets. Gebruik het pictogram in het systeemvak.</translation>
    </message>
    <message>
        <source>{0}: {1} version {2} is installed.</source>
        <translation>{0}: {1} versie {2} is geïnstalleerd.</translation>
    </message>
    <message>
        <source>{0}: not updated. {1}. Its current rule packs stay active.</source>
        <translation>{0}: niet bijgewerkt. {1}. De huidige regelpakketten blijven actief.</translation>
    </message>
    <message>
        <source>{0}. The current rule packs stay active.</source>
        <translation>{0}. De huidige regelpakketten blijven actief.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Algemeen</translation>
    </message>
    <message>
        <source>Update now</source>
        <translation>Nu bijwerken</translation>
    </message>
    <message>
        <source>Active rule packs</source>
        <translation>Actieve regelpakketten</translation>
    </message>
    <message>
        <source>built-in</source>
        <translation>ingebouwd</translation>
    </message>
    <message>
        <source>your own pack file</source>
        <translation>je eigen pakketbestand</translation>
    </message>
    <message>
        <source>from your organisation's repository {0}, version {1}</source>
        <translation>uit de repository {0} van je organisatie, versie {1}</translation>
    </message>
    <message>
        <source>from your department's repository {0}, version {1}</source>
        <translation>uit de repository {0} van je afdeling, versie {1}</translation>
    </message>
    <message>
        <source>No update has run yet.</source>
        <translation>Er is nog geen update uitgevoerd.</translation>
    </message>
    <message>
        <source>Last update ({0}): {1}</source>
        <translation>Laatste update ({0}): {1}</translation>
    </message>
</context>
</TS>
