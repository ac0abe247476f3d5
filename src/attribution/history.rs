//! The article's cast: everyone it names or describes outside quotation
//! marks, in order, with what is known of them (roles, pronoun, whether they
//! speak), and how pronouns and descriptions are resolved against it.

use super::lexicon;
use super::mentions::{Identity, Mention, Reference, SourceKind, Via};
use super::{Attributor, MAX_PARENTHETICAL_WORDS, SOURCE_NOUNS};

/// Nouns for someone's people besides roles and kin: `Hale's predecessor`
/// is someone other than Hale.
const OWNED_PEOPLE: &[&str] = &[
    "predecessor",
    "successor",
    "partner",
    "friend",
    "friends",
    "colleague",
    "colleagues",
    "neighbour",
    "neighbours",
    "neighbor",
    "neighbors",
    "boss",
    "deputy",
    "lawyer",
    "lawyers",
    "agent",
    "solicitor",
    "barrister",
    "team",
    "family",
];

/// One known person or body, in the order the article introduces them.
#[derive(Debug, Clone)]
pub(super) struct Entry {
    at: usize,
    identity: Identity,
    roles: Vec<String>,
    /// The subject of a speech verb: someone the article quotes.
    speaks: bool,
    /// A person, not an organisation.
    person: bool,
    /// `he`, `she`, `they` or `it`, when known.
    pronoun: Option<&'static str>,
    /// A single capitalized word the list does not hold, with nothing known
    /// of it ("Critics said"): it may speak, but no pronoun points at it.
    lone: bool,
    /// Spoken to, not speaking: "told presenter Gwen Price", "asked Hill".
    addressed: bool,
    /// Named as someone's relative (`her younger daughter, Isla`): the
    /// possessive is the one the passage is about, and a later `she says`
    /// is that person's before the relative's.
    kin: bool,
    /// ... one who opens a sentence ("Her sister, Carla Moss, moved in"):
    /// the sentence is about them, and a pronoun in their paragraph may be
    /// theirs; beyond it, the passage is back on the possessor.
    kin_subject: bool,
    /// Opens its sentence: the one a later pronoun most often means.
    subject: bool,
    /// Named in a subordinate clause ("when Anita Brennan said") or after a
    /// preposition ("the figurehead of Save Our Shelves"), but not as an
    /// agent ("heckled by Jo Maitland"): the sentence is about someone else.
    backgrounded: bool,
    /// An organisation named in a prepositional phrase ("Shares in Orbisfare
    /// Systems fell", "a spokesperson for the trust"): no one the article
    /// quotes or describes there, and never what a pronoun points at, but
    /// what a later `the company` may resolve to by its role, or as the
    /// last body named when no other was.
    detail: bool,
    paragraph: usize,
}

impl Attributor<'_> {
    /// The one organisation named before token `at` in its paragraph and
    /// the one before: whom "a spokesperson" speaks for ("Northline Rail
    /// Partners has responded. A spokesperson repeats ...").
    pub(super) fn body_before(&self, at: usize) -> Option<Identity> {
        let paragraph = self.token_paragraph(at);
        // Only when one body is named there: "Calder Airport has blamed
        // Calder Council. A spokesperson said" may be either's.
        let mut bodies = cast_before(&self.history, at)
            .take_while(|e| e.paragraph + 1 >= paragraph)
            .filter(|e| !e.person)
            .map(|e| &e.identity);
        let body = bodies.next()?;
        bodies.all(|other| other == body).then(|| body.clone())
    }

    /// Everyone the article names or describes outside quotation marks.
    /// A name and a description side by side are one person (apposition):
    /// `Samuel Oyelaran, the labour economist,` is "the economist" later.
    pub(super) fn read_history(&self) -> Vec<Entry> {
        let mut history: Vec<Entry> = Vec::new();
        // Unlisted people named in full, by surname (their history index).
        let mut by_surname: std::collections::HashMap<String, usize> =
            std::collections::HashMap::new();
        let mut i = 0;
        while i < self.tokens().len() {
            if self.reader.is_quoted(i) || !self.tokens()[i].is_word() {
                i += 1;
                continue;
            }
            let Some(mut m) = self.reader.mention_starting(i) else {
                // "..., including Mrs Pryor's. She was unimpressed.": a
                // person named only as an owner is someone a later pronoun
                // may mean.
                if let Some(entry) = self.owner_entry(i) {
                    i = entry.at + 1;
                    history.push(entry);
                } else {
                    i += 1;
                }
                continue;
            };
            let mut end = m.tokens.end;
            let mut set_off = false;
            // "Jordan Pike, a spokesperson for the trust" / "A picket
            // captain, Luis Ferreira,"
            if let Some(other) = self.apposition(&m) {
                set_off = true;
                // ("Professor Alan Rudd, a crowd safety expert,": an alias
                // beside a description is the name.)
                let (name, description) = if m.via == Via::Descriptor
                    || (self.titles_a_person(&m) && other.via != Via::Descriptor)
                {
                    (other, m)
                } else {
                    (m, other)
                };
                end = end.max(name.tokens.end).max(description.tokens.end);
                m = name;
                m.roles.extend(description.roles);
            }
            // "Strong words from the union", "a statement from Varrick":
            // the body the words come from.
            // Not "no response from X", "awaiting a statement from X".
            let source = i > 1
                && self.reader.key(i - 1) == "from"
                && SOURCE_NOUNS.contains(&self.reader.key(i - 2))
                && !(i.saturating_sub(4)..i - 2).any(|k| {
                    matches!(
                        self.reader.key(k),
                        "no" | "without" | "awaiting" | "await" | "awaits" | "awaited" | "for"
                    )
                });
            // "Her sister, Carla Moss, said": the comma closes the
            // apposition and the verb follows it.
            let closed = set_off
                && end < self.tokens().len()
                && self.reader.gap_after(end - 1).trim() == ","
                && self.reader.is_speech_verb(end);
            // "it was his sister, Janet Ashworth, who spoke for the family":
            // the one a cleft sentence is about (not anyone "who told the
            // meeting about her children" after someone else's verb).
            let cleft = (i.saturating_sub(4)..i).any(|k| {
                self.reader.key(k) == "it" && matches!(self.reader.key(k + 1), "was" | "is")
            });
            let who_speaks = cleft
                && end + 1 < self.tokens().len()
                && self.reader.key(end) == "who"
                && self.reader.is_speech_verb(end + 1);
            let speaks = source
                || closed
                || who_speaks
                || self.speech_verb_after(end).is_some()
                || self.speech_verb_before(m.tokens.start);
            let identity = match &m.reference {
                Reference::Identity(id) => Some(id.clone()),
                // A description introduces someone only when it is resolved
                // by its role or speaks; "the emergency physician" otherwise
                // says nothing about who is who. A body described as the
                // subject of its sentence ("The software group struck a
                // defiant note.") is the one a later `it` points at.
                Reference::Definite { role, text } => {
                    let by_role = history
                        .iter()
                        .rev()
                        .find(|e| e.roles.iter().any(|r| r == role));
                    let subject_body =
                        lexicon::is_organisation_role(role) && self.starts_sentence(i);
                    match by_role {
                        Some(e) => Some(e.identity.clone()),
                        None if speaks || subject_body => {
                            Some(self.resolve_definite(&history, i, role, text))
                        }
                        None => None,
                    }
                }
                // "She points out ...", "she told members": the one it
                // points at, again, so that a chain of pronouns keeps to
                // its person past others named in between.
                Reference::Pronoun(p)
                    if matches!(*p, "he" | "she") && (speaks || self.starts_sentence(i)) =>
                {
                    resolve_pronoun(&history, i, self.token_paragraph(i), p, !speaks)
                }
                Reference::Pronoun(_) => None,
            };
            // "a minimum of one registered nurse" is no one; an organisation
            // in a prepositional phrase ("a spokesperson for the trust") is a
            // detail. Each counts only when it speaks.
            // A name the list does not hold may be a place ("Pine Hollow")
            // as easily as a person: it counts when it speaks or comes with
            // a title or a description.
            // A company's name is no place ("Carrow Securities cut its
            // rating").
            let company = m.tokens.len() >= 2
                && (m.tokens.clone()).any(|t| lexicon::is_corporate_word(self.reader.key(t)));
            // Nor is a known first name before a surname ("Karen Doyle
            // came.").
            let first_named = m.tokens.len() >= 2
                && lexicon::first_name_pronoun(self.reader.key(m.tokens.start)).is_some();
            let lone = m.via == Via::Unlisted && m.roles.is_empty() && !company && !first_named;
            let described =
                m.via == Via::Descriptor && matches!(m.reference, Reference::Identity(_));
            // ... and so is a description after a preposition ("goes
            // straight for the minister").
            // One introduced with a description beside it ("from Orbisfare,
            // the company behind TapGo") keeps its description's role.
            let after_preposition = i > 0 && lexicon::is_preposition(self.reader.key(i - 1));
            let organisation = identity.as_ref().is_some_and(|id| self.is_organisation(id));
            let detail = after_preposition
                && (organisation || matches!(m.reference, Reference::Definite { .. }));
            // A named organisation there is kept as a detail (see `Entry`).
            let kept_detail =
                detail && organisation && matches!(m.reference, Reference::Identity(_));
            // "her son's teacher at Lakeview, Omar Haddad, has called": a
            // name after a preposition is a place, whatever follows it
            // ("grew up in Castlegate, the daughter of a bus conductor").
            let place = m.via == Via::Unlisted
                && !company
                && (lone || m.tokens.len() == 1)
                && i > 0
                && lexicon::is_preposition(self.reader.key(i - 1));
            // A byline's writer ("By Paolo Brandt, business editor") is no
            // one the story is about.
            let byline = i > 0 && self.reader.key(i - 1) == "by" && self.reader.capitalized(i - 1);
            if let Some(identity) = identity
                && (!(lone || described || detail) || speaks || kept_detail)
                && !place
                && !byline
            {
                // "state Health Secretary Donna Pierce. Pierce announced":
                // a surname alone is the person named in full before.
                let earlier = match &identity {
                    Identity::Unlisted {
                        name,
                        kind: SourceKind::Person,
                    } if !name.contains(' ') => {
                        by_surname.get(name.as_str()).map(|&e| history[e].clone())
                    }
                    _ => None,
                };
                let (identity, pronoun) = match earlier {
                    Some(e) => (e.identity, e.pronoun),
                    None if let Reference::Pronoun(p) = m.reference => (identity, Some(p)),
                    None => {
                        let pronoun = self.pronoun_of(&identity, &m, end);
                        (identity, pronoun)
                    }
                };
                if let Identity::Unlisted {
                    name,
                    kind: SourceKind::Person,
                } = &identity
                    && let Some((_, surname)) = name.rsplit_once(' ')
                {
                    by_surname.insert(surname.to_string(), history.len());
                }
                let addressed = (i.saturating_sub(2)..i).any(|v| {
                    matches!(
                        self.reader.key(v),
                        "told" | "tells" | "telling" | "asked" | "asks" | "asking" | "interviewed"
                    )
                });
                let kin = m.roles.iter().any(|r| lexicon::is_kin(r))
                    && (i.saturating_sub(3)..=i)
                        .any(|k| lexicon::possessive_pronoun(self.reader.key(k)).is_some());
                let kin_subject = kin && self.starts_sentence(i);
                history.push(Entry {
                    addressed,
                    kin,
                    kin_subject,
                    subject: self.starts_sentence(i),
                    backgrounded: i > 0 && {
                        let before = self.reader.key(i - 1);
                        lexicon::is_subordinator(before)
                            || (lexicon::is_preposition(before) && before != "by")
                    },
                    detail: detail && !speaks,
                    at: i,
                    person: !self.is_organisation(&identity),
                    pronoun,
                    lone: lone && m.tokens.len() == 1 && pronoun.is_none(),
                    identity,
                    roles: m.roles.clone(),
                    speaks,
                    paragraph: self.token_paragraph(i),
                });
                i = end.max(i + 1);
            } else if matches!(m.reference, Reference::Definite { .. }) {
                // An unresolved description; a name may start inside it
                // ("The state Office of Emergency Management").
                i += 1;
            } else {
                i = end.max(i + 1);
            }
        }
        history
    }

    /// The person named in possessive form from token `i` (`Mrs Pryor's
    /// home`, `Kieran Doyle's denial`): a cast entry at the possessive
    /// token that speaks for no one. Only people: a body's possessive
    /// (`Kestrel's chief executive`) introduces the one it describes.
    fn owner_entry(&self, i: usize) -> Option<Entry> {
        let p = (i..self.tokens().len().min(i + 3))
            .take_while(|&k| self.reader.capitalized(k))
            .find(|&k| self.reader.key(k).ends_with("'s"))?;
        let m = self
            .reader
            .owner_before(p + 1)
            .filter(|m| m.tokens.start == i)?;
        let Reference::Identity(identity) = m.reference.clone() else {
            return None;
        };
        if self.is_organisation(&identity) {
            return None;
        }
        // Not the owner of a person ("Walsh's agent spoke to reporters. He
        // said:" is the agent): the sentence is about the one owned.
        let owned = self.reader.key_at(p + 1);
        if lexicon::is_role(owned) || lexicon::is_kin(owned) || OWNED_PEOPLE.contains(&owned) {
            return None;
        }
        if let Identity::Unlisted { name, .. } = &identity
            && lexicon::first_name_pronoun(&name.split(' ').next()?.to_lowercase()).is_none()
        {
            return None;
        }
        let mut owner = m;
        owner.tokens = i..p + 1;
        Some(Entry {
            at: p,
            pronoun: self.pronoun_of(&identity, &owner, p + 1),
            identity,
            roles: Vec::new(),
            speaks: false,
            person: true,
            lone: false,
            addressed: false,
            kin: false,
            kin_subject: false,
            // An owner is not what the sentence is about ("Ms Raman's office
            // referred questions to Carla Moss. She told ...": Moss).
            subject: false,
            backgrounded: true,
            detail: false,
            paragraph: self.token_paragraph(i),
        })
    }

    /// The pronoun the cast knows for `identity`, if any.
    pub(super) fn known_pronoun(&self, identity: &Identity) -> Option<&'static str> {
        self.history
            .iter()
            .rev()
            .find(|e| e.identity == *identity)
            .and_then(|e| e.pronoun)
    }

    /// Does token `i` start a sentence or a paragraph?
    fn starts_sentence(&self, i: usize) -> bool {
        i == 0
            || self.reader.sentence_ends_after(i - 1)
            || self.token_paragraph(i - 1) != self.token_paragraph(i)
    }

    /// `the expert`: the person introduced in that role; else the person the
    /// paragraph is about (the last one it quotes, else the last one it
    /// names); else the last person the article quoted, else the last one it
    /// named. `the company`, `the trust`: the organisation named with that
    /// word, else the listed one, else the last one named.
    pub(super) fn resolve_definite(
        &self,
        history: &[Entry],
        at: usize,
        role: &str,
        text: &str,
    ) -> Identity {
        let paragraph = self.token_paragraph(at);
        let before = cast_before(history, at);
        if let Some(e) = before.clone().find(|e| e.roles.iter().any(|r| r == role)) {
            return e.identity.clone();
        }
        if lexicon::is_organisation_role(role) {
            return self.resolve_body(history, at, role, text);
        }
        // (Not a lone word that speaks, "Colleagues describe her as
        // meticulous": no description points at it, as no pronoun does.)
        let people = before.filter(|e| e.person && !e.lone);
        let here = people.clone().filter(|e| e.paragraph == paragraph);
        here.clone()
            .find(|e| e.speaks)
            .or_else(|| here.clone().next())
            .or_else(|| people.clone().find(|e| e.speaks))
            .or_else(|| people.clone().next())
            .map(|e| e.identity.clone())
            .or_else(|| self.names.anonymous_by_role(role).map(Identity::Listed))
            .unwrap_or_else(|| Identity::Unlisted {
                name: text.to_string(),
                kind: SourceKind::Anonymous,
            })
    }

    /// The organisation a body's role word (`the council`, `a council
    /// spokesperson`) stands for: the last body named with that word, else
    /// the one listed body it names, else the last body named, else the
    /// words themselves. People with the role (`council leader Priya
    /// Sandhu`) are not it.
    pub(super) fn resolve_body(
        &self,
        history: &[Entry],
        at: usize,
        role: &str,
        text: &str,
    ) -> Identity {
        let before = cast_before(history, at);
        let listed: Vec<usize> = self.names.organisations_named(role).collect();
        let named = |id: &Identity| match id {
            Identity::Listed(s) => listed.contains(s),
            Identity::Unlisted { name, .. } => crate::text::tokenize(name, false)
                .iter()
                .any(|t| t.key == role),
        };
        before
            .clone()
            .find(|e| !e.person && named(&e.identity))
            .map(|e| e.identity.clone())
            .or_else(|| (listed.len() == 1).then(|| Identity::Listed(listed[0])))
            .or_else(|| {
                (before.clone().find(|e| !e.person && !e.detail))
                    .or_else(|| before.clone().find(|e| !e.person))
                    .map(|e| e.identity.clone())
            })
            .unwrap_or_else(|| Identity::Unlisted {
                name: text.to_string(),
                kind: SourceKind::Organisation,
            })
    }

    /// Is `at` the subject of an inverted cue (`"...," said the official`):
    /// a speech verb right before it that opens its clause? In `Bortnik
    /// told TASS` or `believes Russia keeps troops` the name after the verb
    /// is its object, and does not speak.
    pub(super) fn speech_verb_before(&self, at: usize) -> bool {
        (at.saturating_sub(2)..at).any(|v| {
            let opens_clause = v == 0 || {
                let gap = self.reader.gap_after(v - 1);
                gap.contains(',') || gap.chars().any(crate::quotations::is_mark)
            };
            self.reader.is_speech_verb(v) && opens_clause && !self.reader.sentence_ends_after(v)
        })
    }

    /// The pronoun for someone just named: declared in the list; else read
    /// from the text (`Donna Keel said she`) or from a common first name.
    pub(super) fn pronoun_of(
        &self,
        identity: &Identity,
        m: &Mention,
        end: usize,
    ) -> Option<&'static str> {
        let declared = |s: usize| match self.catalog.speakers[s].pronouns.as_deref()? {
            "he" => Some("he"),
            "she" => Some("she"),
            "they" => Some("they"),
            _ => Some("it"),
        };
        match identity {
            Identity::Listed(s) if declared(*s).is_some() => declared(*s),
            Identity::Listed(s) if self.names.is_organisation(*s) => Some("it"),
            Identity::Unlisted {
                kind: SourceKind::Organisation,
                ..
            } => Some("it"),
            _ => {
                // ("Directors say she was composed": a group speaks of
                // someone else.)
                let group =
                    m.tokens.len() == 1 && lexicon::is_plural_role(self.reader.key(m.tokens.start));
                let told = (!group)
                    .then(|| self.speech_verb_after(end))
                    .flatten()
                    .and_then(|v| self.tokens().get(v + 1).map(|_| self.reader.key(v + 1)))
                    .and_then(lexicon::pronoun)
                    .filter(|p| matches!(*p, "he" | "she"));
                let titled = m
                    .tokens
                    .clone()
                    .find_map(|t| lexicon::title_pronoun(self.reader.key(t)));
                let first_name = match identity {
                    Identity::Listed(s) => {
                        crate::text::tokenize(&self.catalog.speakers[*s].name, false)
                            .first()
                            .and_then(|t| lexicon::first_name_pronoun(&t.key))
                    }
                    // The first word of the mention that is a known first
                    // name ("state Health Secretary Donna Pierce").
                    Identity::Unlisted { .. } => m
                        .tokens
                        .clone()
                        .filter(|&t| self.reader.capitalized(t))
                        .find_map(|t| lexicon::first_name_pronoun(self.reader.key(t))),
                };
                let by_role = m.roles.iter().find_map(|r| lexicon::role_pronoun(r));
                told.or(titled).or(by_role).or(first_name)
            }
        }
    }

    pub(super) fn is_organisation(&self, identity: &Identity) -> bool {
        self.names.source_of(identity) == SourceKind::Organisation
    }

    /// The mention set off by a comma right after `m` that describes the
    /// same person: a description after a name, or a name after a
    /// description.
    pub(super) fn apposition(&self, m: &Mention) -> Option<Mention> {
        let last = self.of_phrase_end(m).unwrap_or(m.tokens.end - 1);
        if last + 1 >= self.tokens().len() || !self.reader.gap_after(last).trim().starts_with(',') {
            return None;
        }
        // "in Ridgeford, the governor said": the description is the subject
        // of the next clause, not a description of the place.
        let next = self.reader.mention_starting(last + 1)?;
        if next.tokens.end < self.tokens().len()
            && self.reader.gap_after(next.tokens.end - 1).trim().is_empty()
            && (self.reader.is_speech_verb(next.tokens.end)
                || lexicon::is_adverbial(self.reader.key(next.tokens.end)))
        {
            return None;
        }
        let is_name =
            |x: &Mention| matches!(x.reference, Reference::Identity(_)) && x.via != Via::Descriptor;
        let pair = (m.via == Via::Descriptor && is_name(&next))
            || (is_name(m) && next.via == Via::Descriptor)
            || (self.titles_a_person(m) && self.names_a_person(&next));
        pair.then_some(next)
    }

    /// The last word of a short phrase that completes a description or a
    /// title before its name: "The chair of the transport committee, Lucy
    /// Frayne,", "A spokesperson for the council, Jane Ellis,". (Not "in":
    /// "The governor in Ridgeford, ..." names a place.)
    pub(super) fn of_phrase_end(&self, m: &Mention) -> Option<usize> {
        if !(m.via == Via::Descriptor || self.titles_a_person(m))
            || m.tokens.end >= self.tokens().len()
            || !self.reader.gap_after(m.tokens.end - 1).trim().is_empty()
            || !matches!(self.reader.key(m.tokens.end), "of" | "for" | "at")
        {
            return None;
        }
        (m.tokens.end + 1..self.tokens().len())
            .take(MAX_OF_PHRASE_WORDS)
            .take_while(|&w| self.tokens()[w].is_word() && !self.reader.is_speech_verb(w))
            .find(|&w| !self.reader.gap_after(w).trim().is_empty())
            .filter(|&w| self.reader.gap_after(w).trim().starts_with(','))
    }

    /// A listed person's title alias (`the Water Minister`): with a name
    /// beside it, the name says who (`the Water Minister, Claire Ashdown,`
    /// is Ashdown, whoever the list says holds the title).
    pub(super) fn titles_a_person(&self, m: &Mention) -> bool {
        m.via == Via::Alias
            && matches!(&m.reference, Reference::Identity(id) if !self.is_organisation(id))
    }

    fn names_a_person(&self, m: &Mention) -> bool {
        matches!(m.via, Via::Name | Via::Surname | Via::Unlisted)
            && matches!(&m.reference, Reference::Identity(id) if !self.is_organisation(id))
            // "the Health Secretary, Ann Cole's old boss": not her name.
            && !self.reader.key(m.tokens.end - 1).ends_with("'s")
    }

    /// `Mrs Wilk`, `Wilk`: the person the article named in full before
    /// (`Dorota Wilk, 74,`), when the list does not hold them.
    pub(super) fn known_as(&self, identity: Identity, at: usize) -> Identity {
        let Identity::Unlisted {
            name,
            kind: SourceKind::Person,
        } = &identity
        else {
            return identity;
        };
        let words: Vec<String> = name.split(' ').map(crate::text::fold::fold_word).collect();
        let (surname, honorifics) = words.split_last().expect("a name has a word");
        // Only a surname, or a surname with an honorific: `Anna Moreau` is
        // not `Greta Moreau` named before.
        if !honorifics.iter().all(|w| lexicon::is_title(w)) {
            return identity;
        }
        // `Mr Wilk` is not `Dorota Wilk`.
        let pronoun = honorifics
            .iter()
            .find_map(|h| match h.trim_end_matches('.') {
                "mr" => Some("he"),
                "mrs" | "ms" | "miss" => Some("she"),
                _ => None,
            });
        let full_names = self.full_names(surname);
        let earlier: Vec<&(usize, String)> = full_names
            .iter()
            .filter(|(start, full)| *start < at && full.as_str() != name)
            .collect();
        let mut distinct: Vec<&str> = earlier.iter().map(|(_, n)| n.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        // Two people of that surname: the name as written.
        let [full] = distinct[..] else {
            return identity;
        };
        let first = crate::text::fold::fold_word(full.split(' ').next().unwrap_or(full));
        if pronoun.is_some_and(|p| lexicon::first_name_pronoun(&first).is_some_and(|f| f != p)) {
            return identity;
        }
        Identity::Unlisted {
            name: full.to_string(),
            kind: SourceKind::Person,
        }
    }

    /// Unlisted people named in full with `surname` (folded), outside
    /// quotation marks, and where: found once per surname and article, so
    /// that a long article of `Mrs Wilk said` stays linear.
    fn full_names(&self, surname: &str) -> std::cell::Ref<'_, Vec<(usize, String)>> {
        if !self.surnames.borrow().contains_key(surname) {
            let found: Vec<(usize, String)> = (1..self.tokens().len())
                .filter(|&i| self.reader.key(i) == surname && !self.reader.is_quoted(i))
                .filter_map(|i| {
                    let m = self.reader.mention_starting(i - 1)?;
                    match m.reference {
                        Reference::Identity(Identity::Unlisted {
                            name,
                            kind: SourceKind::Person,
                        }) if m.tokens.end == i + 1 && name.contains(' ') => Some((i - 1, name)),
                        _ => None,
                    }
                })
                .collect();
            self.surnames
                .borrow_mut()
                .insert(surname.to_string(), found);
        }
        std::cell::Ref::map(self.surnames.borrow(), |s| &s[surname])
    }

    /// The first person or body the paragraph names (not describes or
    /// points at), and the token it starts at.
    /// A listed one first: "Hydrology lecturer Dr Leila Nasser warns" reads
    /// the title into an unlisted name, the list knows her.
    pub(super) fn first_named(&self, paragraph: usize) -> Option<(Identity, usize)> {
        let named = self
            .history
            .iter()
            .skip_while(|e| e.paragraph < paragraph)
            .take_while(|e| e.paragraph == paragraph)
            .filter(|e| {
                !e.lone
                    && !e.detail
                    && self
                        .reader
                        .mention_starting(e.at)
                        .is_some_and(|m| !matches!(m.via, Via::Descriptor | Via::Pronoun))
            });
        named
            .clone()
            .find(|e| matches!(e.identity, Identity::Listed(_)))
            .or_else(|| named.clone().next())
            .map(|e| (e.identity.clone(), e.at))
    }

    /// The speech verb at token `at`, after up to three adverbials or a
    /// parenthetical set off by commas (`Raman, who directs the department,
    /// said`).
    pub(super) fn speech_verb_after(&self, at: usize) -> Option<usize> {
        let mut at = at;
        if at > 0
            && at < self.tokens().len()
            && self.reader.gap_after(at - 1).trim().starts_with(',')
        {
            let close =
                (at..(at + MAX_PARENTHETICAL_WORDS).min(self.tokens().len())).find(|&k| {
                    self.reader.gap_after(k).contains(',') || self.reader.sentence_ends_after(k)
                })?;
            if self.reader.sentence_ends_after(close) {
                return None;
            }
            at = close + 1;
        }
        for i in at..(at + 4).min(self.tokens().len()) {
            if self.reader.is_quoted(i) {
                return None;
            }
            if self.reader.is_speech_verb(i) {
                return Some(i);
            }
            if !lexicon::is_adverbial(self.reader.key(i)) || self.reader.sentence_ends_after(i) {
                return None;
            }
        }
        None
    }
}

/// The cast introduced before token `at`, the latest first.
fn cast_before(history: &[Entry], at: usize) -> std::iter::Rev<std::slice::Iter<'_, Entry>> {
    history[..history.partition_point(|e| e.at < at)]
        .iter()
        .rev()
}

/// `she said`: the person the article last introduced who fits.
/// `narrative`: the pronoun opens a sentence of narrative, not a cue (see
/// the anonymous source below).
pub(super) fn resolve_pronoun(
    history: &[Entry],
    at: usize,
    paragraph: usize,
    pronoun: &str,
    narrative: bool,
) -> Option<Identity> {
    let fits = |e: &&Entry| match (e.pronoun, &e.identity) {
        (Some(known), _) => known == pronoun || (pronoun == "they" && known == "it"),
        (
            None,
            Identity::Unlisted {
                kind: SourceKind::Organisation,
                ..
            },
        ) => matches!(pronoun, "it" | "they"),
        (
            None,
            Identity::Unlisted {
                kind: SourceKind::Person,
                ..
            },
        ) => matches!(pronoun, "he" | "she"),
        (None, _) => pronoun != "it",
    };
    let before = history.partition_point(|e| e.at < at);
    // Organisations named only in passing are no one a pronoun points at
    // ("Shares in Orbisfare fell. Carrow Securities cut its rating. "...,"
    // it said"); looked back over a bounded stretch of the cast, so that an
    // article of thousands of pronouns stays linear.
    let candidates = history[before.saturating_sub(MAX_ANTECEDENTS)..before]
        .iter()
        .rev()
        .filter(|e| !e.lone && !e.detail)
        .filter(fits);
    // In the quotation's own paragraph, someone it quotes comes first
    // ("Transport Minister Ifeoma Brannigan, who met Vossberg, said ...
    // "...," she said"), then anyone it names ("Fairbairn goes straight for
    // the minister. "...," she says"); beyond it, the last one who fits.
    let here = candidates.clone().filter(|e| e.paragraph == paragraph);
    // Beyond it, the last one who fits and was not spoken to ("Helena Marsh
    // told presenter Gwen Price: "..."" ⏎ ""...," she said": Marsh).
    // An anonymous source quoted there comes after one known to fit
    // ("Helen Ashworth followed him. She had been rehearsing for days, an
    // aide told me, and she delivered it: "...": Ashworth).
    let anonymous = |e: &&Entry| {
        matches!(
            e.identity,
            Identity::Unlisted {
                kind: SourceKind::Anonymous,
                ..
            }
        )
    };
    // A relative named as background ("the night her younger daughter,
    // Isla, was born. "...," she says") comes after the one the passage is
    // about, unless the article has quoted them.
    let background = |e: &&Entry| e.kin && !e.speaks;
    let background_here = |e: &&Entry| background(e) && !e.kin_subject;
    here.clone()
        .find(|e| e.speaks && !anonymous(e))
        .or_else(|| {
            here.clone()
                .find(|e| e.pronoun == Some(pronoun) && !background_here(e) && e.subject)
        })
        .or_else(|| {
            here.clone()
                .find(|e| e.pronoun == Some(pronoun) && !background_here(e))
        })
        .or_else(|| here.clone().find(|e| e.speaks))
        .or_else(|| here.clone().find(|e| !background_here(e)))
        .or_else(|| {
            let last = candidates
                .clone()
                .find(|e| !e.addressed && !background(e))?;
            // In the paragraph before, someone named in a subordinate clause
            // or a prepositional phrase is not what it is about: its subject
            // is ("Whitfield does not
            // accept that. She points out that when Anita Brennan said
            // "...", ..." ⏎ ""...," she said at the time": Whitfield).
            // (Not someone who takes over: "Then Greg Threlfall took the
            // microphone.", "heckled by Jo Maitland".)
            let subject = || {
                candidates
                    .clone()
                    .take_while(|e| e.paragraph + 1 >= paragraph)
                    .filter(|e| e.paragraph + 1 == paragraph)
                    .find(|e| {
                        e.subject && e.pronoun == Some(pronoun) && !e.addressed && !background(e)
                    })
            };
            if last.backgrounded && last.paragraph + 1 == paragraph {
                return subject().or(Some(last));
            }
            // In narrative, an anonymous source just quoted, whose pronoun
            // no one knows, comes after someone close by who is known to
            // fit, as in the quotation's own paragraph ("... says one former
            // station commander. ⏎ He has had to explain the evacuation
            // many times since": the man the profile is about; a later
            // "he says" keeps to him). Not in a cue: ""It was chaos," said
            // one nurse. ⏎ "...," she said" is the nurse.
            if narrative && anonymous(&last) && last.pronoun.is_none() {
                let known = candidates
                    .clone()
                    .take_while(|e| e.paragraph + 2 >= paragraph)
                    .find(|e| e.pronoun == Some(pronoun) && !e.addressed && !background(e));
                return known.or(Some(last));
            }
            Some(last)
        })
        .or_else(|| candidates.clone().next())
        .map(|e| e.identity.clone())
}

/// [`resolve_pronoun`] over those named in `paragraph` besides `besides`:
/// a he or she inside someone's own quotation is not the one quoted, and
/// is someone the paragraph has just named ("In October, Richard Calloway
/// wrote offering to meet. Mr Ashworth has not replied. "He stood up in
/// that court and said, '...'""); someone described in an earlier
/// paragraph may not be in the cast at all.
pub(super) fn resolve_pronoun_besides(
    history: &[Entry],
    at: usize,
    paragraph: usize,
    pronoun: &str,
    besides: Option<&Identity>,
) -> Option<Identity> {
    // When the paragraph names no one else, the person the article last
    // named who fits: "Desai, ..., has become the mayor's most persistent
    // critic. ... "He stood on that stage and said '...'," Desai says" is
    // the mayor, named in the paragraphs before.
    let here: Vec<Entry> = history
        .iter()
        .filter(|e| Some(&e.identity) != besides && e.paragraph == paragraph)
        .cloned()
        .collect();
    resolve_pronoun(&here, at, paragraph, pronoun, false).or_else(|| {
        let last = cast_before(history, at)
            .find(|e| Some(&e.identity) != besides && e.pronoun == Some(pronoun))?;
        (last.paragraph + 2 >= paragraph).then(|| last.identity.clone())
    })
}

/// How far back in the cast a pronoun looks for the one it points at: far
/// beyond any paragraph's worth of names.
const MAX_ANTECEDENTS: usize = 256;

/// How long a phrase may complete a description before its name: "of the
/// transport select committee" is five words; a longer run before a comma
/// is a clause of its own, not part of the description.
const MAX_OF_PHRASE_WORDS: usize = 6;
