/**
 * The prompt library, taken from the article "Waarom voelen we ons zwak als we kwetsbaar zijn?"
 * (18-06-2025, kept verbatim in shared/article/kwetsbaarheid.nl.txt).
 *
 * Dutch is the article's own words; only stray spaces before punctuation are removed. English is
 * a faithful, warm translation. Ids are stable: notes refer to them for years, so an id is never
 * renamed or reused, even if its text is corrected.
 */
import type { Locale } from '@/utils/i18n/locale';

export type LocalizedText = Readonly<Record<Locale, string>>;

/** A question to reflect on, a small step to try, or a short line of context from the article. */
export type PromptKind = 'question' | 'step' | 'line';

/** The article's sections, in reading order. */
export const SECTIONS = {
  intro: { nl: 'Waarom voelen we ons zwak als we kwetsbaar zijn?', en: 'Why do we feel weak when we are vulnerable?' },
  meaning: { nl: 'Wat bedoelen we met kwetsbaarheid?', en: 'What do we mean by vulnerability?' },
  discomfort: {
    nl: 'Waarom voelt kwetsbaarheid eigenlijk hoogst ongemakkelijk?',
    en: 'Why does vulnerability actually feel so uncomfortable?',
  },
  strength: { nl: 'Maar kwetsbaarheid is eigenlijk een kracht', en: 'But vulnerability is really a strength' },
  without: { nl: 'Wat missen we zonder kwetsbaarheid?', en: 'What do we miss without vulnerability?' },
  steps: {
    nl: 'Hoe kun je stap voor stap kwetsbaarheid omarmen?',
    en: 'How can you embrace vulnerability step by step?',
  },
  questions: { nl: 'Reflectievragen om jezelf te onderzoeken', en: 'Reflection questions to explore yourself' },
  closing: { nl: 'Tot slot!', en: 'In closing' },
} as const satisfies Record<string, LocalizedText>;

export type SectionId = keyof typeof SECTIONS;

interface PromptBase {
  readonly id: string;
  readonly section: SectionId;
  readonly text: LocalizedText;
}

/** A reflection question from "Reflectievragen om jezelf te onderzoeken". */
export interface QuestionPrompt extends PromptBase {
  readonly kind: 'question';
  /** Written by the person (the same text in both languages), not taken from the article. */
  readonly custom?: true;
  /** A follow-up on the small step with this id ("Reflecteer regelmatig"). */
  readonly followUpOf?: string;
}

/** A small step from "Hoe kun je stap voor stap kwetsbaarheid omarmen?": a title and its text. */
export interface StepPrompt extends PromptBase {
  readonly kind: 'step';
  readonly title: LocalizedText;
}

/** A short line of the article, shown as context around a pause; never asked as a prompt. */
export interface ContextLine extends PromptBase {
  readonly kind: 'line';
}

/** What the popup and pauses ask: a question or a small step. */
export type Prompt = QuestionPrompt | StepPrompt;
export type LibraryEntry = Prompt | ContextLine;

export const QUESTIONS: readonly [QuestionPrompt, ...QuestionPrompt[]] = [
  {
    id: 'q-where-feelings',
    kind: 'question',
    section: 'questions',
    text: {
      nl: 'Waar durf ik mijn gevoelens wél te laten zien, en waar niet?',
      en: 'Where do I dare to show my feelings, and where do I not?',
    },
  },
  {
    id: 'q-beliefs',
    kind: 'question',
    section: 'questions',
    text: {
      nl: "Welke overtuigingen over kwetsbaarheid zitten in mij (bijvoorbeeld: 'Kwetsbaar zijn is zwak')? Probeer ook eens na te gaan vanwaar deze komen?",
      en: "Which beliefs about vulnerability live in me (for example: 'Being vulnerable is weak')? Can I also try to trace where they come from?",
    },
  },
  {
    id: 'q-positive-experiences',
    kind: 'question',
    section: 'questions',
    text: {
      nl: 'Welke positieve ervaringen heb ik gehad met het delen van kwetsbaarheid?',
      en: 'What good experiences have I had with sharing my vulnerability?',
    },
  },
  {
    id: 'q-open-today',
    kind: 'question',
    section: 'questions',
    text: {
      nl: 'Hoe kan ik mezelf vandaag bewust een klein beetje openen?',
      en: 'How can I consciously open myself up a little today?',
    },
  },
];

export const STEPS: readonly [StepPrompt, ...StepPrompt[]] = [
  {
    id: 's-start-small',
    kind: 'step',
    section: 'steps',
    title: { nl: 'Begin klein', en: 'Start small' },
    text: {
      nl: 'Deel een kleine onzekerheid met iemand die je vertrouwt. Bijvoorbeeld: "Ik vond dat gesprek spannend."',
      en: 'Share a small insecurity with someone you trust. For example: "I found that conversation nerve-racking."',
    },
  },
  {
    id: 's-set-boundaries',
    kind: 'step',
    section: 'steps',
    title: { nl: 'Stel grenzen bewust', en: 'Set boundaries consciously' },
    text: {
      nl: 'Je hoeft niet alles te delen. Kies wat passend is in welke situatie.',
      en: 'You do not have to share everything. Choose what fits in which situation.',
    },
  },
  {
    id: 's-train-mindset',
    kind: 'step',
    section: 'steps',
    title: { nl: 'Train je mindset', en: 'Train your mindset' },
    text: {
      nl: 'Merk bekritiserende zelfspraak op ("Ik lijk zwak") en vervang het door mildheid: "Het kost me kracht om me open te stellen."',
      en: 'Notice critical self-talk ("I seem weak") and replace it with kindness: "It takes strength for me to open up."',
    },
  },
  {
    id: 's-safe-practice',
    kind: 'step',
    section: 'steps',
    title: { nl: 'Zoek veilige oefenplek', en: 'Find a safe place to practise' },
    text: {
      nl: 'Therapie of een ondersteunende groep kan helpen oefenen in een warme, respectvolle omgeving.',
      en: 'Therapy or a supportive group can help you practise in a warm, respectful setting.',
    },
  },
  {
    id: 's-reflect-regularly',
    kind: 'step',
    section: 'steps',
    title: { nl: 'Reflecteer regelmatig', en: 'Reflect regularly' },
    text: {
      nl: 'Schrijf op hoe het voelde om open te zijn, wat de reacties waren en welke innerlijke stappen je hebt gezet.',
      en: 'Write down how it felt to be open, how people responded and which inner steps you have taken.',
    },
  },
];

export const CONTEXT_LINES: readonly ContextLine[] = [
  {
    id: 'l-courage',
    kind: 'line',
    section: 'closing',
    text: {
      nl: 'Kwetsbaarheid is geen teken van zwakte, maar juist van moed.',
      en: 'Vulnerability is not a sign of weakness, but of courage.',
    },
  },
  {
    id: 'l-inner-strength',
    kind: 'line',
    section: 'closing',
    text: {
      nl: 'Door jezelf toe te durven laten, versterk je authentieke verbindingen en leer je meer over jezelf. En dat geeft je innerlijke kracht.',
      en: 'By daring to let yourself be seen, you strengthen authentic connections and learn more about yourself. And that gives you inner strength.',
    },
  },
  {
    id: 'l-real-strength',
    kind: 'line',
    section: 'meaning',
    text: {
      nl: 'We hebben geleerd dat je sterk moet zijn, maar echte sterkte gaat juist vaak samen met het tonen van je emoties.',
      en: 'We have learned that we must be strong, but real strength often goes hand in hand with showing our emotions.',
    },
  },
  {
    id: 'l-authentic-contact',
    kind: 'line',
    section: 'strength',
    text: {
      nl: 'Authentiek contact: door jezelf open te stellen, maak je echte verbinding met anderen en dat vergroot vertrouwen.',
      en: 'Authentic contact: by opening yourself up, you make a real connection with others, and that builds trust.',
    },
  },
  {
    id: 'l-courage-growth',
    kind: 'line',
    section: 'strength',
    text: {
      nl: "Courage en persoonlijke groei: kwetsbaarheid vraagt moed, omdat je risico's neemt. Het stelt je in staat om uit comfortzones te stappen en te leren.",
      en: 'Courage and personal growth: vulnerability takes courage, because you take risks. It lets you step out of your comfort zones and learn.',
    },
  },
  {
    id: 'l-being-yourself',
    kind: 'line',
    section: 'strength',
    text: {
      nl: 'Helemaal jezelf zijn: door je gevoelens te laten zien, laat je je imperfecties zien — en dat maakt je menselijk en oprecht. Dat werkt bevrijdend.',
      en: 'Being wholly yourself: by showing your feelings, you show your imperfections — and that makes you human and sincere. That is freeing.',
    },
  },
  {
    id: 'l-better-relationships',
    kind: 'line',
    section: 'strength',
    text: {
      nl: 'Betere relaties: echte intimiteit ontstaat wanneer je niet alleen successen deelt, maar ook je worstelingen.',
      en: 'Better relationships: real intimacy grows when you share not only your successes, but your struggles too.',
    },
  },
  {
    id: 'l-open-door',
    kind: 'line',
    section: 'without',
    text: {
      nl: 'Kwetsbaarheid opent de deur naar diepgang in relaties.',
      en: 'Vulnerability opens the door to depth in relationships.',
    },
  },
  {
    id: 'l-trust-risk',
    kind: 'line',
    section: 'closing',
    text: {
      nl: "Vertrouwen in een relatie, vriendschappelijk of romantisch, is gebaseerd op risico's nemen.",
      en: 'Trust in a relationship, whether a friendship or a romance, is built on taking risks.',
    },
  },
];

/** Everything the popup and pauses may ask: the questions, then the steps. Never empty. */
export const PROMPTS: readonly [Prompt, ...Prompt[]] = [...QUESTIONS, ...STEPS];

/** Id prefix of follow-up questions; the rest is the step's id. */
export const FOLLOW_UP_PREFIX = 'f-';

/**
 * Some days after a small step was answered, a pause asks how it went: the article's last step,
 * "Reflecteer regelmatig: Schrijf op hoe het voelde om open te zijn, wat de reacties waren en
 * welke innerlijke stappen je hebt gezet."
 */
export function followUpFor(step: StepPrompt): QuestionPrompt {
  return {
    id: FOLLOW_UP_PREFIX + step.id,
    kind: 'question',
    section: 'steps',
    followUpOf: step.id,
    text: {
      nl: `Je schreef over "${step.title.nl}". Hoe ging het? Hoe voelde het om open te zijn, wat waren de reacties en welke innerlijke stappen heb je gezet?`,
      en: `You wrote about "${step.title.en}". How did it go? How did it feel to be open, how did people respond, and which inner steps have you taken?`,
    },
  };
}
