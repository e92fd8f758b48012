/**
 * The templates a new install starts with, written for account managers: short, specific,
 * one clear request ("just reply OK"), and an intro the client can forward without editing.
 */
import { Template } from './schema';

const INTRO_B2B = `Hi,

I wanted to introduce you to {{myName}}, {{myTitle}} at {{myCompany}}. We have been working with them on {{product}}, and {{results}}.

If that sounds useful for your team, {{myName}} is easy to reach at {{myEmail}} or {{myPhone}}; just mention "{{firstName}} at {{company}}" so they know who sent you. A bit more about them:
{{myLinks}}

Best,
{{firstName}}`;

/** The B2B intro when an incentive is on offer: it tells the peer what is in it for them. */
const INTRO_B2B_OFFER = `Hi,

I wanted to introduce you to {{myName}}, {{myTitle}} at {{myCompany}}. We have been working with them on {{product}}, and {{results}}.

If that sounds useful for your team, {{myName}} is easy to reach at {{myEmail}} or {{myPhone}}. Mention "{{firstName}} at {{company}}" and {{myCompany}} will give you {{friendOffer}}. A bit more about them:
{{myLinks}}

Best,
{{firstName}}`;

const INTRO_B2C = `Hi!

I have been using {{product}} from {{myCompany}}, and {{results}}. I thought of you.

Ask for {{myName}}, who looks after me there: {{myEmail}}, {{myPhone}}. Just say {{firstName}} sent you.
{{myLinks}}

{{firstName}}`;

const INTRO_B2C_OFFER = `Hi!

I have been using {{product}} from {{myCompany}}, and {{results}}. I thought of you.

Say {{firstName}} sent you when you write to {{myName}} ({{myEmail}}, {{myPhone}}) and you get {{friendOffer}}.
{{myLinks}}

{{firstName}}`;

/** The double opt-in note: the client asks their peer first, and shares no one's details yet. */
const INTRO_PEER_FIRST = `Hi,

I have been working with {{myName}} at {{myCompany}} on {{product}}, and {{results}}. It made me think of you.

Would you like me to connect you? If yes, just say so and I will put you in touch.

Best,
{{firstName}}`;

const raw: Array<Partial<Template> & Pick<Template, 'id' | 'name' | 'kind' | 'ask'>> = [
  {
    id: 'default-ask',
    name: 'Referral ask (B2B)',
    kind: 'ask',
    segment: '',
    subject: 'A quick favour, {{firstName}}?',
    ask: `Hi {{firstName}},

Thank you again for the last few months. Seeing {{company}} get to this point ({{results}}) has been a highlight for our team.

Do you know one or two peers at similar companies who are facing what you faced before {{product}}? I would be glad to help them the same way.

If you are open to it, **just reply "OK"** and I will take it from there. Below is a short note you could forward, ready as it is.

Thanks,
{{myName}}`,
    intro: INTRO_B2B,
  },
  {
    id: 'default-ask-incentive',
    name: 'Referral ask with incentive (B2B)',
    kind: 'ask',
    segment: '',
    incentive: true,
    subject: 'A thank-you for an intro, {{firstName}}',
    ask: `Hi {{firstName}},

It has been great working with {{company}}: {{results}}.

If you know peers at similar companies who could use the same, I would love an introduction. As a thank-you, you will get {{incentive}}, and they will get {{friendOffer}}.

**Just reply "OK"** and I will follow up; the note below is ready to forward.

Best,
{{myName}}`,
    intro: INTRO_B2B_OFFER,
  },
  {
    id: 'b2c-ask',
    name: 'Referral ask (B2C)',
    kind: 'ask',
    segment: 'B2C',
    subject: 'Know someone who would like {{product}}?',
    ask: `Hi {{firstName}},

So glad {{product}} is working out for you: {{results}}.

Do you have a friend who might like it too? **Reply "OK"** and I will make sure they are looked after.

Thanks,
{{myName}}`,
    intro: INTRO_B2C,
  },
  {
    id: 'b2c-ask-incentive',
    name: 'Referral ask with incentive (B2C)',
    kind: 'ask',
    segment: 'B2C',
    incentive: true,
    subject: 'A gift for you and a friend',
    ask: `Hi {{firstName}},

Thank you for being with us! Since {{results}}, we would love to welcome your friends too.

Invite someone: you get {{incentive}}, and they get {{friendOffer}}. **Reply "OK"** and I will set it up.

Thanks,
{{myName}}`,
    intro: INTRO_B2C_OFFER,
  },
  {
    id: 'default-ask-peer-first',
    name: 'Referral ask, peer first (double opt-in)',
    kind: 'ask',
    segment: '',
    doubleOptIn: true,
    subject: 'A quick favour, {{firstName}}?',
    ask: `Hi {{firstName}},

Thank you again for the last few months. Seeing {{company}} get to this point ({{results}}) has been a highlight for our team.

Do you know one or two peers at similar companies who might want the same? If so, could you check with them first? Below is a short note you can send them, with nobody's details in it.

If they are happy to be introduced, **just reply "OK"** with their name, and I will send you my details to pass on.

Thanks,
{{myName}}`,
    intro: INTRO_PEER_FIRST,
  },
  {
    id: 'follow-up',
    name: 'Follow-up when there is no reply',
    kind: 'follow-up',
    segment: '',
    subject: 'Re: a quick favour',
    ask: `Hi {{firstName}},

Just bringing this back to the top of your inbox in case it got buried. If anyone comes to mind who could use {{product}}, **a simple "OK"** is all I need, and the note is still below to forward.

Thanks either way,
{{myName}}`,
    intro: INTRO_B2B,
  },
  {
    id: 'reactivation',
    name: 'Re-activation ask with incentive (after the window)',
    kind: 'reactivation',
    segment: '',
    incentive: true,
    subject: 'A thank-you from {{myCompany}}, {{firstName}}',
    ask: `Hi {{firstName}},

It has been a while since we started together, and {{company}} has come a long way: {{results}}.

We are inviting our best clients to bring along one or two peers. To thank you, we offer you {{incentive}}, and each peer you introduce gets {{friendOffer}}.

Interested? **Reply "OK"** and I will handle the rest; the note below is ready to forward.

All the best,
{{myName}}`,
    intro: INTRO_B2B_OFFER,
  },
  {
    id: 'thanks',
    name: 'Thank-you for an intro',
    kind: 'thanks',
    segment: '',
    subject: 'Thank you, {{firstName}}',
    ask: `Hi {{firstName}},

Thank you for introducing me to {{referralName}}. It means a lot that you would put your name behind us.

I will take good care of them, and I will let you know how it goes.

Warmly,
{{myName}}`,
    intro: '',
  },
  {
    id: 'update',
    name: 'Here is how it went (after an intro)',
    kind: 'update',
    segment: '',
    subject: 'An update on {{referralName}}',
    ask: `Hi {{firstName}},

A quick update on your intro to {{referralName}}: {{referralOutcome}}. Thank you again for making it.

If anyone else comes to mind, I am always glad to help them the same way.

Thanks,
{{myName}}`,
    intro: '',
  },
];

export const DEFAULT_TEMPLATES: Template[] = raw.map((t) => Template.parse({ ...t, builtIn: true }));
