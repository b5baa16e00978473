import { useCustomerStore } from '../../stores/customer/store'
import { useNavStore } from '../../stores/nav/store'

/** "Abrir no Cliente" / "Consultar de novo" (issue #22 item 7): the person's identifiers handed to Cliente. */
export function useOpenInCustomer(): (
  person: { cpf: string; phone: string; email?: string; cep?: string },
  run: boolean,
) => void {
  const go = useNavStore((s) => s.go)
  return (person, run) => {
    useCustomerStore.getState().openWith(person, run)
    go('cliente')
  }
}
