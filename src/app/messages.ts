import { provideTranslations } from '@/lib/i18n';
import { provideMessageTranslator } from '@/components/ui/error-message';

// The shell's catalog lives with the building blocks (src/components/ui); its translations are
// imported here, from a module only the entry has (see provideTranslations in src/lib/i18n.ts).
provideTranslations('ui', import.meta.glob(['../components/ui/messages/*.json', '!../components/ui/messages/en.json'], { query: '?messages' }));
provideMessageTranslator(async () => (await import('@/components/ui/translated-message')).TranslatedMessage);
