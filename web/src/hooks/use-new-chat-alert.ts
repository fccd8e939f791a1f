// A chat newly assigned to me: a short beep (WebAudio, no sound file) and the tab title flashing 【新会话】 until
// the agent comes back to the window (focus, or a click or key press while it is in front).
import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { listConversations } from '../api/chat-api';
import { assignmentKey, isNewAssignment } from '../rules/chat';
import { useSocketEvent } from './use-agent-socket';

const flashIntervalMs = 1000;

/**
 * Browsers only let a page play sound after a user gesture; the context is created on the first one, so a
 * beep before any gesture is skipped quietly instead of logging a refusal.
 */
function useBeep() {
  const context = useRef<AudioContext | null>(null);

  useEffect(() => {
    const prime = () => {
      if (context.current || typeof AudioContext === 'undefined') return;
      context.current = new AudioContext();
    };
    window.addEventListener('pointerdown', prime);
    window.addEventListener('keydown', prime);
    return () => {
      window.removeEventListener('pointerdown', prime);
      window.removeEventListener('keydown', prime);
      void context.current?.close();
      context.current = null;
    };
  }, []);

  return useCallback(() => {
    const audio = context.current;
    if (!audio || audio.state !== 'running') return;
    const start = audio.currentTime;
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.type = 'sine';
    oscillator.frequency.setValueAtTime(880, start);
    oscillator.frequency.setValueAtTime(1320, start + 0.12);
    gain.gain.setValueAtTime(0.0001, start);
    gain.gain.exponentialRampToValueAtTime(0.25, start + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.32);
  }, []);
}

function useTitleFlash() {
  const timer = useRef<number | undefined>(undefined);
  const baseTitle = useRef<string | null>(null);

  const stop = useCallback(() => {
    window.clearInterval(timer.current);
    timer.current = undefined;
    if (baseTitle.current !== null) document.title = baseTitle.current;
    baseTitle.current = null;
  }, []);

  const start = useCallback(
    (alertTitle: string) => {
      stop();
      const base = document.title;
      baseTitle.current = base;
      let on = true;
      document.title = alertTitle;
      timer.current = window.setInterval(() => {
        on = !on;
        document.title = on ? alertTitle : base;
      }, flashIntervalMs);
    },
    [stop],
  );

  useEffect(() => {
    const onFocus = () => stop();
    const onGesture = () => {
      if (document.hasFocus()) stop();
    };
    window.addEventListener('focus', onFocus);
    window.addEventListener('pointerdown', onGesture);
    window.addEventListener('keydown', onGesture);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.removeEventListener('pointerdown', onGesture);
      window.removeEventListener('keydown', onGesture);
      stop();
    };
  }, [stop]);

  return start;
}

export function useNewChatAlert(userId: string, enabled: boolean) {
  const { t } = useTranslation();
  const announced = useRef(new Set<string>());
  const beep = useBeep();
  const flash = useTitleFlash();

  // Chats that were mine before this page opened are not news.
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    listConversations('mine').then(
      (items) => {
        if (current) for (const conversation of items) announced.current.add(assignmentKey(conversation));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [enabled]);

  useSocketEvent('conversation:updated', (conversation) => {
    if (!enabled || !isNewAssignment(conversation, userId, announced.current, Date.now())) return;
    announced.current.add(assignmentKey(conversation));
    beep();
    flash(t('workspace.alert.title', { name: conversation.customer.displayName, app: t('app.name') }));
  });
}
