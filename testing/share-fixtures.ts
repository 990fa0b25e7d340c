/**
 * Test fixture: a share link made by the app before format v2 (commit 43ed18f), kept verbatim so
 * old links are proven to keep opening. MAZE item 18, solved in four steps by "Fixture model"
 * (gpt-fixture via openai, temperature 0); step 2 is a person's typed "move left", the others are
 * Thought/Action replies. Never regenerate it: it stands for links already out in the world.
 */
export const V1_LINK =
  '#/replay/v1.nVKxTsMwEP0V6-ZQJaIqECYWRlgqFmC41JfEwrEt-9IAVf6dc6u2EmIpk-V37957Z98OtlBXBZCTEwb8JijAMA2C3haAHTmGegcfxulM8JqsMCw2ctbwaD55jKSOeIh-azRFKflADo1gh1oNXeCr9sDPTIw4pCwtZoEi7vG6nOcCfJNKadgs9YpwhcJOTEHIrzuIFOyXFNe9H7uea7XuSXUerTJJSSg_3avWxMQq96gxKPaqI1bRj04rFvaE1i7e3MOGjXe1ZN-S8MSlycLHUSJNGGXmsgDtnURr0SbahxPWsqSb9vqugbk4Z9orWWr5qNWPA7r_aZ3me_KTjBLRyE1pP7nf0TN2WfjTw_5p-Ozyf0a6xEc26ODDcTzZEGHVrBqxeZdNCuGFYhI5qZSLalFKu0bGM5q376qC-QdVeJO4';

/** The replies of V1_LINK's four steps, in order. */
export const V1_REPLIES = [
  'Thought: The goal is below; first step up to get round the wall.\nAction: move up',
  'move left',
  'Thought: Now straight down.\nAction: move down',
  'Thought: One more.\nAction: move down',
];
