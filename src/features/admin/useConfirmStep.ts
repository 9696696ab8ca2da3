/**
 * A two-step action (Revoke → "Yes, revoke this device") that keeps keyboard focus where a person
 * expects it: on the confirm button when the step opens, back on the first button when it is
 * cancelled. Without this, focus falls to the page body when the first button is replaced.
 */
import { useEffect, useRef, useState } from 'react';

type Step = 'idle' | 'confirming' | 'cancelled';

export function useConfirmStep() {
  const [step, setStep] = useState<Step>('idle');
  const startRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // 'idle' is the first render: leave focus alone until a person opens or cancels the step.
    if (step === 'confirming') confirmRef.current?.focus();
    if (step === 'cancelled') startRef.current?.focus();
  }, [step]);
  return {
    confirming: step === 'confirming',
    open: () => setStep('confirming'),
    cancel: () => setStep('cancelled'),
    startRef,
    confirmRef,
  };
}
